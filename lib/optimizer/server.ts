// The server surface of lib/optimizer/: what routes, pages, boot, the demo seed and features above it call on the
// server. Client code imports it only as `import type`.
import "server-only";

export { driveOptimization } from "./drive";
export type { DriveResult } from "./drive";
export { cancelOptimization, saveBestAsVersion, startOptimization } from "./manage-optimizations";
export { describeOptimization, listOptimizations, loadOptimizeTab } from "./read-optimizations";
export type { OptimizableDataset } from "./read-optimizations";
export { startOptimizationWorker, stopOptimizationWorker } from "./worker";
export { triggerOptimizationWorker } from "./worker-trigger";
export { cancelOptimizationFromApi, describeOptimizationForApi, saveOptimizationFromApi, startOptimizationFromApi } from "./api";
export { DEMO_OPTIMIZATION, seedDemoOptimization } from "./seed-demo";
