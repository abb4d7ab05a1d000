// What the database scripts share: their one file argument and how a failure ends them.

/** The first argument that is not a flag; without one, the usage line and exit code 2. */
export function fileArgument(usage: string): string {
  const file = process.argv.slice(2).find((arg) => !arg.startsWith("--"));
  if (file) return file;
  console.error(usage);
  process.exit(2);
}

/** Runs a script; a failure prints "<what> failed: <message>" (no stack: the message says what to fix) and exits 1. */
export function runScript(what: string, main: () => Promise<void>): void {
  main().catch((error: unknown) => {
    console.error(`${what} failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  });
}
