// The server surface of lib/datasets/: its page loaders and what composition (the delivery API, boot, home) and the
// features above it call on the server. Client code imports it only as `import type`. Nothing outside lib/datasets/
// imports its other files; .dependency-cruiser.cjs fails the lint if it does.
import "server-only";

export { importCases, importRequestSchema, previewImport } from "./import/import-cases";
export { loadDatasetForExport, loadDatasetPage } from "./load-dataset-page";
export { addCaseFromRun, appendCases, insertAuditedDataset } from "./manage-datasets";
export { createRedTeamDataset } from "./manage-red-team";
export { findDatasetById, listDatasets, listVariableNames } from "./queries";
export { seedDemoDatasets } from "./seed-demo";
