// The client-safe surface of lib/feedback/: types and pure helpers that components, pages, scripts, workers and the
// features above it may import without loading the server. It is one of the feature's three surfaces: this file,
// server.ts (loaders and what the server calls) and actions.ts (the server actions client code calls). Nothing
// outside lib/feedback/ imports its other files; .dependency-cruiser.cjs fails the lint if it does.

export { describeRating } from "./dashboard/describe-rating";
export type { FeedbackDashboardData } from "./dashboard/load-feedback-dashboard";
export { RATING_TYPES, ratedItemsFiltersSchema, ratedItemsHref } from "./dashboard/rated-items-filters";
export type { RatedItemsFilters } from "./dashboard/rated-items-filters";
export type { RatedItem } from "./dashboard/rated-items";
export { GENERATION_BODY_LIMIT, feedbackBodySchema, feedbackCreatedSchema, generationCreatedSchema, reportGenerationBodySchema } from "./generations/schemas";
