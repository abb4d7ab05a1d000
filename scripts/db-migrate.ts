// `npm run db:migrate`: applies committed migrations to DATABASE_URL (the server also does it on start).
import { closeDb, getDb } from "@/db";
import { getEnv } from "@/lib/platform/env";

getDb();
closeDb();
console.log(`Database ready at ${getEnv().DATABASE_URL}`);
