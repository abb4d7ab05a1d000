// Child processes for process-level tests: lib/testing's scripts (boot-process.ts, eval-worker-process.ts) run the
// way the studio runs its server code, with tsx and the react-server condition.
import { spawn, type ChildProcess } from "node:child_process";
import { REPO_ROOT } from "./repo-root";

export interface TestProcess {
  child: ChildProcess;
  exited: Promise<number | null>;
  /** What the process has printed so far (its stderr goes to the test's). */
  stdout: () => string;
}

/** Runs `script` (a path from the repository root) with `args`, on this process's environment plus LOG_LEVEL=warn and `env`. */
export function startTestProcess(script: string, args: string[] = [], env: Record<string, string> = {}): TestProcess {
  let stdout = "";
  const child = spawn(process.execPath, ["--import", "tsx", "--conditions=react-server", script, ...args], {
    cwd: REPO_ROOT,
    env: { ...process.env, LOG_LEVEL: "warn", ...env },
    stdio: ["ignore", "pipe", "inherit"],
  });
  child.stdout!.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  return { child, exited, stdout: () => stdout };
}
