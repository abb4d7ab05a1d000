// The server surface of lib/review/: its page loaders and what composition (the delivery API, boot, home) and the
// features above it call on the server. Client code imports it only as `import type`. Nothing outside lib/review/
// imports its other files; .dependency-cruiser.cjs fails the lint if it does.
import "server-only";

export { queueAgreement } from "./agreement-report";
export { exportQueueRatings } from "./export-ratings";
export { loadNewQueueOptions } from "./form-options";
export { loadQueueOverview, loadRatingPage, loadReviewHome } from "./load-queues";
export { countItemsAwaiting } from "./queries";
export { seedDemoReview } from "./seed-demo";
