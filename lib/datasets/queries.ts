import "server-only";
import { and, asc, count, desc, eq, isNull, max, sql } from "drizzle-orm";
import { getDb, type DbOrTx } from "@/db";
import { first } from "@/db/first";
import { rawRows } from "@/db/raw";
import { datasetCases, datasets, type Dataset, type DatasetCase } from "@/db/schema";
import { jsonMembers } from "@/db/sql-dialect";

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

export async function listDatasets({ workspaceId, includeArchived = false }: { workspaceId: string; includeArchived?: boolean }): Promise<DatasetListRow[]> {
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
    .orderBy(desc(datasets.updatedAt));
}

export function findDatasetById(tx: DbOrTx, { datasetId }: { datasetId: string }): Promise<Dataset | undefined> {
  return first(tx.select().from(datasets).where(eq(datasets.id, datasetId)));
}

/** The workspace's dataset names that start with `prefix` (for a free "name (2)"), in one query. */
export async function listDatasetNamesStartingWith(tx: DbOrTx, { workspaceId, prefix }: { workspaceId: string; prefix: string }): Promise<string[]> {
  const rows = await tx
    .select({ name: datasets.name })
    .from(datasets)
    .where(and(eq(datasets.workspaceId, workspaceId), sql`substr(${datasets.name}, 1, ${prefix.length}) = ${prefix}`));
  return rows.map((r) => r.name);
}

export function findDatasetByName(tx: DbOrTx, { workspaceId, name }: { workspaceId: string; name: string }): Promise<Dataset | undefined> {
  return first(tx.select().from(datasets).where(and(eq(datasets.workspaceId, workspaceId), eq(datasets.name, name))));
}

export async function listCases(tx: DbOrTx, { datasetId }: { datasetId: string }): Promise<DatasetCase[]> {
  return tx.select().from(datasetCases).where(eq(datasetCases.datasetId, datasetId)).orderBy(asc(datasetCases.position));
}

export async function countCases(tx: DbOrTx, { datasetId }: { datasetId: string }): Promise<number> {
  return (await first(tx.select({ n: count() }).from(datasetCases).where(eq(datasetCases.datasetId, datasetId))))?.n ?? 0;
}

export function findCaseById(tx: DbOrTx, { caseId }: { caseId: string }): Promise<DatasetCase | undefined> {
  return first(tx.select().from(datasetCases).where(eq(datasetCases.id, caseId)));
}

export async function lastCasePosition(tx: DbOrTx, { datasetId }: { datasetId: string }): Promise<number> {
  return (await first(tx.select({ last: max(datasetCases.position) }).from(datasetCases).where(eq(datasetCases.datasetId, datasetId))))?.last ?? 0;
}

export async function listCasesPage(tx: DbOrTx, { datasetId, offset, limit }: { datasetId: string; offset: number; limit: number }): Promise<DatasetCase[]> {
  return tx.select().from(datasetCases).where(eq(datasetCases.datasetId, datasetId)).orderBy(asc(datasetCases.position)).limit(limit).offset(offset);
}

/**
 * Every variable name used by the dataset's cases, in order of first use (the database's JSON functions, not a scan
 * in JS). Within a case, names come in the order its engine keeps them: as written on SQLite, jsonb's (shorter
 * names first) on Postgres, which is also the order the case's own variables come back in there.
 */
export async function listVariableNames(tx: DbOrTx, { datasetId }: { datasetId: string }): Promise<string[]> {
  const rows = await rawRows<{ name: string }>(tx, sql`
    select v.key as name from ${datasetCases}, ${jsonMembers(datasetCases.variables, "v")}
    where ${datasetCases.datasetId} = ${datasetId}
    group by v.key order by min(${datasetCases.position}), min(v.id)`);
  return rows.map((r) => r.name);
}
