// `npm run db:migrate`: applies committed migrations to DATABASE_URL (the server also does it on start).
import { closeDb, prepareDatabase } from "@/db";
import { getEnv } from "@/lib/platform/env";

prepareDatabase().then(
  () => {
    closeDb();
    console.log(`Database ready at ${getEnv().DATABASE_URL}`);
  },
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
