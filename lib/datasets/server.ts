// The server surface of lib/datasets/: its page loaders and what composition (the delivery API, boot, home) and the
// features above it call on the server. Client code imports it only as `import type`. Nothing outside lib/datasets/
// imports its other files; .dependency-cruiser.cjs fails the lint if it does.
import "server-only";

export { importCases, importRequestSchema, previewImport } from "./import/import-cases";
export { addCaseFromRun, insertAuditedDataset, loadDataset } from "./manage-datasets";
export { countCases, findDatasetById, insertCases, listCases, listCasesPage, listDatasets, listVariableNames } from "./queries";
export { seedDemoDatasets } from "./seed-demo";
