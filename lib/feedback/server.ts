// The server surface of lib/feedback/: its page loaders and what composition (the delivery API, boot, home) and the
// features above it call on the server. Client code imports it only as `import type`. Nothing outside lib/feedback/
// imports its other files; .dependency-cruiser.cjs fails the lint if it does.
import "server-only";

export { loadFeedbackDashboard, loadFeedbackFilterOptions, mergeFilterOptions } from "./dashboard/load-feedback-dashboard";
export { loadRatedItems } from "./dashboard/load-rated-items";
export { reportGeneration, sendFeedback } from "./generations/manage-generations";
