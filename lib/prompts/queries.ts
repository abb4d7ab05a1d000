import "server-only";
import { and, asc, desc, eq, isNotNull, isNull, or, sql, type SQL } from "drizzle-orm";
import { getDb, type DbOrTx } from "@/db";
import { first } from "@/db/first";
import { jsonArrayHas, likeIgnoringCase } from "@/db/sql-dialect";
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
  if (folder) conditions.push(likeIgnoringCase(prompts.name, `${folder.replace(/[\\%_]/g, (c) => `\\${c}`)}/%`));
  if (tag) conditions.push(jsonArrayHas(prompts.tags, tag));
  if (servedByEnvironmentId) {
    conditions.push(
      sql`exists (select 1 from ${environmentPointers} where ${environmentPointers.promptId} = ${prompts.id} and ${environmentPointers.environmentId} = ${servedByEnvironmentId})`,
    );
  }
  if (search?.trim()) {
    const pattern = likePattern(search.trim());
    const searched = [prompts.name, prompts.description, prompts.tags, promptVersions.template, promptVersions.messages];
    conditions.push(or(...searched.map((column) => likeIgnoringCase(column, pattern))));
  }
  return and(...conditions)!;
}

/** One page of prompts, newest change first, with the latest version number (derived, never stored). */
export async function listPrompts(filter: PromptListFilter) {
  const page = Math.max(1, filter.page ?? 1);
  const pageSize = filter.pageSize ?? PROMPT_PAGE_SIZE;
  const order = filter.order === "name" ? [asc(prompts.name)] : [desc(prompts.updatedAt), asc(prompts.name)];
  const where = listConditions(filter);
  const db = getDb();
  const [rows, counted] = await Promise.all([
    db
      .select({
        ...columnsOf(prompts, ["id", "name", "type", "description", "tags", "archivedAt", "updatedAt"]),
        latestVersion: promptVersions.version,
      })
      .from(prompts)
      .leftJoin(promptVersions, latestVersionJoin)
      .where(where)
      .orderBy(...order)
      .limit(pageSize)
      .offset((page - 1) * pageSize),
    first(db.select({ n: sql<number>`count(*)` }).from(prompts).leftJoin(promptVersions, latestVersionJoin).where(where)),
  ]);
  const total = counted?.n ?? 0;
  return { rows, total, page, pageCount: Math.max(1, Math.ceil(total / pageSize)) };
}
export type PromptList = Awaited<ReturnType<typeof listPrompts>>;
export type PromptListRow = PromptList["rows"][number];

/** Names and tags of every active prompt, for the folder tree, tag filter and partial autocompletion. */
export async function listPromptNamesAndTags({ workspaceId }: { workspaceId: string }) {
  return getDb()
    .select({ name: prompts.name, tags: prompts.tags })
    .from(prompts)
    .where(and(eq(prompts.workspaceId, workspaceId), isNull(prompts.archivedAt)))
    .orderBy(asc(prompts.name));
}

export function findPromptByName(tx: DbOrTx, { workspaceId, name }: { workspaceId: string; name: string }): Promise<Prompt | undefined> {
  return first(tx.select().from(prompts).where(and(eq(prompts.workspaceId, workspaceId), eq(prompts.name, name))));
}

export function findPromptById(tx: DbOrTx, { promptId }: { promptId: string }): Promise<Prompt | undefined> {
  return first(tx.select().from(prompts).where(eq(prompts.id, promptId)));
}

export function findLatestVersion(tx: DbOrTx, { promptId }: { promptId: string }) {
  return first(tx.select().from(promptVersions).where(eq(promptVersions.promptId, promptId)).orderBy(desc(promptVersions.version)));
}

export function findVersion(tx: DbOrTx, { promptId, version }: { promptId: string; version: number }) {
  return first(tx.select().from(promptVersions).where(and(eq(promptVersions.promptId, promptId), eq(promptVersions.version, version))));
}

/** Every version of a prompt, newest first, with its author's name (history view, export). */
/** A prompt's versions, newest first; pass the transaction when the answer decides a write (the import plan). */
export async function listVersions({ promptId }: { promptId: string }, db: DbOrTx = getDb()) {
  return db
    .select({ version: promptVersions, authorName: users.name, authorEmail: users.email })
    .from(promptVersions)
    .leftJoin(users, eq(users.id, promptVersions.authorId))
    .where(eq(promptVersions.promptId, promptId))
    .orderBy(desc(promptVersions.version));
}
