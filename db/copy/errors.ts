// The two ways a copy ends early on purpose. Anything else that goes wrong is a plain Error: its message says what.

/** The copy will not start (a bad source, a target in use): no row was copied. The CLI exits with code 2. */
export class CopyRefusedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "CopyRefusedError";
  }
}

/** The copy was asked to stop (Ctrl-C, a test's signal) and did, after a committed batch: running it again resumes. */
export class CopyStoppedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "CopyStoppedError";
  }
}
