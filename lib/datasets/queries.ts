import "server-only";
import { and, asc, count, desc, eq, isNull, max, sql } from "drizzle-orm";
import { getDb, type DbOrTx } from "@/db";
import { datasetCases, datasets, type Dataset, type DatasetCase } from "@/db/schema";

// Every read and write of datasets and their cases. Domain rules (permissions, audit, limits) live in
// manage-datasets.ts and import/; these functions only talk to the database.

export interface DatasetListRow {
  id: string;
  name: string;
  description: string;
  caseCount: number;
  archivedAt: Date | null;
  updatedAt: Date;
}

export function listDatasets({ workspaceId, includeArchived = false }: { workspaceId: string; includeArchived?: boolean }): DatasetListRow[] {
  const caseCounts = getDb()
    .select({ datasetId: datasetCases.datasetId, n: count().as("n") })
    .from(datasetCases)
    .groupBy(datasetCases.datasetId)
    .as("case_counts");
  return getDb()
    .select({
      id: datasets.id,
      name: datasets.name,
      description: datasets.description,
      caseCount: sql<number>`coalesce(${caseCounts.n}, 0)`,
      archivedAt: datasets.archivedAt,
      updatedAt: datasets.updatedAt,
    })
    .from(datasets)
    .leftJoin(caseCounts, eq(caseCounts.datasetId, datasets.id))
    .where(and(eq(datasets.workspaceId, workspaceId), includeArchived ? undefined : isNull(datasets.archivedAt)))
    .orderBy(desc(datasets.updatedAt))
    .all();
}

export function findDatasetById(tx: DbOrTx, { datasetId }: { datasetId: string }): Dataset | undefined {
  return tx.select().from(datasets).where(eq(datasets.id, datasetId)).get();
}

export function findDatasetByName(tx: DbOrTx, { workspaceId, name }: { workspaceId: string; name: string }): Dataset | undefined {
  return tx.select().from(datasets).where(and(eq(datasets.workspaceId, workspaceId), eq(datasets.name, name))).get();
}

export function listCases(tx: DbOrTx, { datasetId }: { datasetId: string }): DatasetCase[] {
  return tx.select().from(datasetCases).where(eq(datasetCases.datasetId, datasetId)).orderBy(asc(datasetCases.position)).all();
}

export function countCases(tx: DbOrTx, { datasetId }: { datasetId: string }): number {
  return tx.select({ n: count() }).from(datasetCases).where(eq(datasetCases.datasetId, datasetId)).get()?.n ?? 0;
}

export function findCaseById(tx: DbOrTx, { caseId }: { caseId: string }): DatasetCase | undefined {
  return tx.select().from(datasetCases).where(eq(datasetCases.id, caseId)).get();
}

export function lastCasePosition(tx: DbOrTx, { datasetId }: { datasetId: string }): number {
  return tx.select({ last: max(datasetCases.position) }).from(datasetCases).where(eq(datasetCases.datasetId, datasetId)).get()?.last ?? 0;
}

export function listCasesPage(tx: DbOrTx, { datasetId, offset, limit }: { datasetId: string; offset: number; limit: number }): DatasetCase[] {
  return tx.select().from(datasetCases).where(eq(datasetCases.datasetId, datasetId)).orderBy(asc(datasetCases.position)).limit(limit).offset(offset).all();
}

/** Every variable name used by the dataset's cases, in order of first use (SQLite's JSON functions, not a scan in JS). */
export function listVariableNames(tx: DbOrTx, { datasetId }: { datasetId: string }): string[] {
  const rows = tx.all<{ name: string }>(sql`
    select key as name from ${datasetCases}, json_each(${datasetCases.variables})
    where ${datasetCases.datasetId} = ${datasetId}
    group by key order by min(${datasetCases.position}), min(json_each.id)`);
  return rows.map((r) => r.name);
}
