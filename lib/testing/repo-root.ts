import path from "node:path";

// The repository's root, for tests that start processes or read config files: one anchor, so moving a test file
// does not silently change what a relative "../.." points at.
export const REPO_ROOT = path.resolve(__dirname, "../..");
