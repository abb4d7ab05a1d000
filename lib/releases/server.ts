// The server surface of lib/releases/: its page loaders and what composition (the delivery API, boot, home) and the
// features above it call on the server. Client code imports it only as `import type`. Nothing outside lib/releases/
// imports its other files; .dependency-cruiser.cjs fails the lint if it does.
import "server-only";

export { loadApprovalQueue } from "./approval-queue";
export { deployVersion } from "./manage-deployments";
export { approvePromotion, requestPromotion } from "./manage-promotions";
export { loadPromptDeployments } from "./prompt-deployments";
export { countPendingRequests } from "./queries";
export { loadEnvironmentSettings } from "./environment-settings";
export { lintWorkspaceForApi } from "./workspace-lint";
