// The server surface of lib/playground/: its page loaders and what composition (the delivery API, boot, home) and the
// features above it call on the server. Client code imports it only as `import type`. Nothing outside lib/playground/
// imports its other files; .dependency-cruiser.cjs fails the lint if it does.
import "server-only";

export { stopPlaygroundRun } from "./in-flight-runs";
export { loadPlaygroundData } from "./load-playground";
export { prepareRun } from "./prepare-run";
export { listRunHistory } from "./run-history";
export { streamRunResponse } from "./run-stream";
