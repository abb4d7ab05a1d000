// The default judge prompt's name, importable from client-safe code (the importer, the scorer builder).
export const DEFAULT_JUDGE_PROMPT = "judges/rubric";
