// Booting on a database the process cannot write: a real process (lib/testing/boot-process.ts, booted like the
// studio) on a read-only file, and in a read-only folder. Root may write anywhere, so as root the process runs as
// "nobody", for whom the file and the folder are read-only.
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { openDatabase } from "@/db";

const root = path.resolve(__dirname, "../..");
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "promptops-boot-"));
fs.chmodSync(dir, 0o777);
afterAll(() => {
  fs.chmodSync(path.join(dir, "folder"), 0o755);
  fs.rmSync(dir, { recursive: true, force: true });
});

function boot(databaseUrl: string): Promise<{ code: number | null; output: string }> {
  const asRoot = process.getuid?.() === 0;
  const child = spawn(process.execPath, ["--import", "tsx", "--conditions=react-server", "lib/testing/boot-process.ts"], {
    cwd: root,
    // Both secrets set, so reading or creating secrets.json is not what stops it.
    env: { ...process.env, DATABASE_URL: databaseUrl, AUTH_SECRET: "s".repeat(32), STUDIO_ENCRYPTION_KEY: "ab".repeat(32), LOG_LEVEL: "warn", HOME: dir },
    stdio: ["ignore", "pipe", "pipe"],
    ...(asRoot ? { uid: 65534, gid: 65534 } : {}),
  });
  let output = "";
  child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
  return new Promise((resolve) =>
    child.once("exit", (code) => {
      if (code === null) child.kill();
      resolve({ code, output });
    }),
  );
}

function migratedDatabase(file: string): void {
  fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o777 });
  openDatabase(file).sqlite.close();
}

describe("booting on a database it cannot write", () => {
  it("stops with a message naming the path when the file is read-only", async () => {
    const file = path.join(dir, "file", "studio.db");
    migratedDatabase(file);
    fs.chmodSync(path.dirname(file), 0o777);
    fs.chmodSync(file, 0o444);
    const { code, output } = await boot(file);
    expect(output).toContain(`Cannot write the database at ${file}`);
    expect(code).toBe(1);
  }, 60_000);

  it("stops with a message naming the path when its folder is read-only", async () => {
    const file = path.join(dir, "folder", "studio.db");
    migratedDatabase(file);
    fs.chmodSync(file, 0o666);
    fs.chmodSync(path.dirname(file), 0o555);
    const { code, output } = await boot(file);
    expect(output).toContain(`Cannot write the database at ${file}`);
    expect(code).toBe(1);
  }, 60_000);
});
