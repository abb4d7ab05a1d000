// The schema, split by table group (issue 15). Everything is re-exported here, so `@/db/schema` stays the one
// import for the tables and their row types.
export * from "./identity";
export * from "./prompts";
export * from "./platform";
export * from "./releases";
export * from "./serving";
export * from "./playground";
export * from "./evals";
export * from "./feedback";
export * from "./review";
export * from "./rollups";
export * from "./optimizer";
export * from "./guardrails";
