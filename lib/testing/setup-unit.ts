// Vitest setup: every test file gets its own SQLite file, so tests that write never see each other.
import os from "node:os";
import path from "node:path";
import { randomUUID } from "node:crypto";
import { afterAll } from "vitest";

process.env.DATABASE_URL = path.join(os.tmpdir(), "promptops-unit", `${randomUUID()}.db`);

afterAll(async () => {
  const { closeDb } = await import("@/db");
  closeDb();
});
