// `npm run db:seed`: migrates, then seeds the Demo workspace on an empty database.
// On a production build it refuses unless STUDIO_DEMO=1 says the demo is wanted.
import { closeDb, getDb, prepareDatabase } from "@/db";
import { getEnv } from "@/lib/platform/env";
import { seedDemoWorkspace } from "@/lib/demo/seed-demo-workspace";

async function main() {
  const env = getEnv();
  if (env.NODE_ENV === "production" && !env.STUDIO_DEMO) {
    console.error("Refusing to seed demo accounts with NODE_ENV=production. Set STUDIO_DEMO=1 if you really want them.");
    process.exit(1);
  }
  await prepareDatabase();
  const { seeded } = await seedDemoWorkspace(getDb());
  closeDb();
  console.log(seeded ? "Seeded the Demo workspace (password: promptops-demo)." : "Database already has users; demo seed skipped.");
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
