import "server-only";
import { and, asc, desc, eq, isNotNull, isNull, sql, type SQL } from "drizzle-orm";
import { getDb, type DbOrTx } from "@/db";
import { environmentPointers, prompts, promptVersions, users, type Prompt } from "@/db/schema";
import { columnsOf } from "@/db/columns-of";

export const PROMPT_PAGE_SIZE = 50;

/** Joins a prompt's latest version: the highest number, found through the (prompt, version) unique index. */
const latestVersionJoin = and(
  eq(promptVersions.promptId, prompts.id),
  eq(promptVersions.version, sql`(select max(pv.version) from ${promptVersions} pv where pv.prompt_id = ${prompts.id})`),
);

function likePattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

export interface PromptListFilter {
  workspaceId: string;
  search?: string;
  folder?: string;
  tag?: string;
  archived?: boolean;
  /** Only prompts this environment serves some version of. */
  servedByEnvironmentId?: string;
  page?: number;
  pageSize?: number;
  /** "recent" (newest change first, the default) or "name" (a stable order for paging through an API). */
  order?: "recent" | "name";
}

function listConditions({ workspaceId, search, folder, tag, archived = false, servedByEnvironmentId }: PromptListFilter): SQL {
  const conditions: (SQL | undefined)[] = [
    eq(prompts.workspaceId, workspaceId),
    archived ? isNotNull(prompts.archivedAt) : isNull(prompts.archivedAt),
  ];
  if (folder) conditions.push(sql`${prompts.name} like ${`${folder.replace(/[\\%_]/g, (c) => `\\${c}`)}/%`} escape '\\'`);
  if (tag) conditions.push(sql`exists (select 1 from json_each(${prompts.tags}) where value = ${tag})`);
  if (servedByEnvironmentId) {
    conditions.push(
      sql`exists (select 1 from ${environmentPointers} where ${environmentPointers.promptId} = ${prompts.id} and ${environmentPointers.environmentId} = ${servedByEnvironmentId})`,
    );
  }
  if (search?.trim()) {
    const pattern = likePattern(search.trim());
    conditions.push(
      sql`(${prompts.name} like ${pattern} escape '\\' or ${prompts.description} like ${pattern} escape '\\'
        or ${prompts.tags} like ${pattern} escape '\\' or ${promptVersions.template} like ${pattern} escape '\\'
        or ${promptVersions.messages} like ${pattern} escape '\\')`,
    );
  }
  return and(...conditions)!;
}

/** One page of prompts, newest change first, with the latest version number (derived, never stored). */
export function listPrompts(filter: PromptListFilter) {
  const page = Math.max(1, filter.page ?? 1);
  const pageSize = filter.pageSize ?? PROMPT_PAGE_SIZE;
  const order = filter.order === "name" ? [asc(prompts.name)] : [desc(prompts.updatedAt), asc(prompts.name)];
  const where = listConditions(filter);
  const db = getDb();
  const rows = db
    .select({
      ...columnsOf(prompts, ["id", "name", "type", "description", "tags", "archivedAt", "updatedAt"]),
      latestVersion: promptVersions.version,
    })
    .from(prompts)
    .leftJoin(promptVersions, latestVersionJoin)
    .where(where)
    .orderBy(...order)
    .limit(pageSize)
    .offset((page - 1) * pageSize)
    .all();
  const total =
    db
      .select({ n: sql<number>`count(*)` })
      .from(prompts)
      .leftJoin(promptVersions, latestVersionJoin)
      .where(where)
      .get()?.n ?? 0;
  return { rows, total, page, pageCount: Math.max(1, Math.ceil(total / pageSize)) };
}
export type PromptList = ReturnType<typeof listPrompts>;
export type PromptListRow = PromptList["rows"][number];

/** Names and tags of every active prompt, for the folder tree, tag filter and partial autocompletion. */
export function listPromptNamesAndTags({ workspaceId }: { workspaceId: string }) {
  return getDb()
    .select({ name: prompts.name, tags: prompts.tags })
    .from(prompts)
    .where(and(eq(prompts.workspaceId, workspaceId), isNull(prompts.archivedAt)))
    .orderBy(asc(prompts.name))
    .all();
}

export function findPromptByName(tx: DbOrTx, { workspaceId, name }: { workspaceId: string; name: string }): Prompt | undefined {
  return tx.select().from(prompts).where(and(eq(prompts.workspaceId, workspaceId), eq(prompts.name, name))).get();
}

export function findPromptById(tx: DbOrTx, { promptId }: { promptId: string }): Prompt | undefined {
  return tx.select().from(prompts).where(eq(prompts.id, promptId)).get();
}

export function findLatestVersion(tx: DbOrTx, { promptId }: { promptId: string }) {
  return tx.select().from(promptVersions).where(eq(promptVersions.promptId, promptId)).orderBy(desc(promptVersions.version)).limit(1).get();
}

export function findVersion(tx: DbOrTx, { promptId, version }: { promptId: string; version: number }) {
  return tx.select().from(promptVersions).where(and(eq(promptVersions.promptId, promptId), eq(promptVersions.version, version))).get();
}

/** Every version of a prompt, newest first, with its author's name (history view, export). */
export function listVersions({ promptId }: { promptId: string }) {
  return getDb()
    .select({ version: promptVersions, authorName: users.name, authorEmail: users.email })
    .from(promptVersions)
    .leftJoin(users, eq(users.id, promptVersions.authorId))
    .where(eq(promptVersions.promptId, promptId))
    .orderBy(desc(promptVersions.version))
    .all();
}
