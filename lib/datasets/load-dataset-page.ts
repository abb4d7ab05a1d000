import "server-only";
import { getDb } from "@/db";
import { loadDataset } from "./manage-datasets";
import { countCases, listCases, listCasesPage, listVariableNames } from "./queries";

// Read models for a dataset's page and its export: the dataset if it is the caller's workspace's (404 otherwise).

export const CASES_PAGE_SIZE = 100;

function loadOwnDataset(caller: { workspaceId: string }, datasetId: string) {
  return loadDataset(getDb(), caller, datasetId);
}

/** One page of a dataset's cases (1-based, clamped to the pages there are), its total and its variable names. */
export async function loadDatasetPage(caller: { workspaceId: string }, datasetId: string, requestedPage: number) {
  const db = getDb();
  const dataset = await loadOwnDataset(caller, datasetId);
  const total = await countCases(db, { datasetId });
  const pages = Math.max(1, Math.ceil(total / CASES_PAGE_SIZE));
  const page = Math.min(pages, Math.max(1, requestedPage || 1));
  const [cases, variables] = await Promise.all([
    listCasesPage(db, { datasetId, offset: (page - 1) * CASES_PAGE_SIZE, limit: CASES_PAGE_SIZE }),
    listVariableNames(db, { datasetId }),
  ]);
  return { dataset, total, pages, page, cases, variables };
}

/** The dataset and every case, for an export. */
export async function loadDatasetForExport(caller: { workspaceId: string }, datasetId: string) {
  const dataset = await loadOwnDataset(caller, datasetId);
  return { dataset, cases: await listCases(getDb(), { datasetId }) };
}
