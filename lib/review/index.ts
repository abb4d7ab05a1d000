// The client-safe surface of lib/review/: types and pure helpers that components, pages, scripts, workers and the
// features above it may import without loading the server. It is one of the feature's three surfaces: this file,
// server.ts (loaders and what the server calls) and actions.ts (the server actions client code calls). Nothing
// outside lib/review/ imports its other files; .dependency-cruiser.cjs fails the lint if it does.

export type { QueueAgreement } from "./agreement-report";
export { SCHEME_LABELS, criteriaOf, fromRatingValue, toRatingValue } from "./criteria";
export type { Criterion } from "./criteria";
export type { NewQueueOptions } from "./form-options";
export type { VisibleQueue } from "./load-queues";
export { keyHintsFor, optionsOf, singleKeyAction } from "./rating-keys";
export type { RatingSession, ReviewItemView } from "./reviewer-view";
export { exportFormatSchema } from "./schemas";
export type { QueueSource } from "./schemas";
