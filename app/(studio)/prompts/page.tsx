import type { Metadata } from "next";
import Link from "next/link";
import { FolderTreeNav } from "@/components/prompts/folder-tree-nav";
import { ImportDialog } from "@/components/prompts/import-dialog";
import { NewPromptDialog } from "@/components/prompts/new-prompt-dialog";
import { PromptSearch } from "@/components/prompts/prompt-search";
import { PromptTable } from "@/components/prompts/prompt-table";
import { PageHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { requirePageAuth } from "@/lib/platform/auth/context";
import { can } from "@/lib/platform/auth/policy";
import { buildFolderTree, promptListHref, type PromptListQuery } from "@/lib/prompts";
import { listPromptNamesAndTags, listPrompts } from "@/lib/prompts/server";
import { loadServedVersions } from "@/lib/serving/server";

export const metadata: Metadata = { title: "Prompts" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;
const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) || undefined;

export default async function PromptsPage({ searchParams }: { searchParams: SearchParams }) {
  const ctx = await requirePageAuth("prompts:read");
  const params = await searchParams;
  const query: PromptListQuery = {
    q: one(params.q)?.slice(0, 200),
    folder: one(params.folder)?.slice(0, 200),
    tag: one(params.tag)?.slice(0, 40),
    archived: one(params.archived) === "1",
    page: Math.max(1, Number(one(params.page)) || 1),
  };
  const [list, all] = await Promise.all([
    listPrompts({ workspaceId: ctx.workspaceId, search: query.q, folder: query.folder, tag: query.tag, archived: query.archived, page: query.page }),
    listPromptNamesAndTags({ workspaceId: ctx.workspaceId }),
  ]);
  const tags = [...new Set(all.flatMap((p) => p.tags))].sort();
  const canWrite = can(ctx.role, "prompts:write");
  const filtered = Boolean(query.q || query.folder || query.tag);

  return (
    <>
      <PageHeader
        title="Prompts"
        description="Every change is an immutable version. Folders come from “/” in names."
        actions={
          <>
            {/* eslint-disable-next-line @next/next/no-html-link-for-pages -- a file download from a route handler; the rule mistakes the catch-all routes (app/api/[[...rest]], the studio's 404) for pages */}
            <a href="/api/prompts/export" className="text-sm text-indigo-700 underline-offset-2 hover:underline dark:text-indigo-300">
              Export all (zip)
            </a>
            {canWrite && <ImportDialog />}
            {canWrite && <NewPromptDialog defaultFolder={query.folder} />}
          </>
        }
      />
      <div className="flex gap-6">
        <aside className="w-52 shrink-0">
          <FolderTreeNav tree={buildFolderTree(all.map((p) => p.name))} query={query} total={all.length} />
        </aside>
        <div className="flex min-w-0 flex-1 flex-col gap-4">
          <div className="flex flex-wrap items-center gap-3">
            <PromptSearch />
            <Link
              href={promptListHref({ ...query, archived: !query.archived, page: 1 })}
              className="text-sm text-indigo-700 underline-offset-2 hover:underline dark:text-indigo-300"
            >
              {query.archived ? "Show active prompts" : "Show archived prompts"}
            </Link>
          </div>
          {tags.length > 0 && (
            <div className="flex flex-wrap items-center gap-1.5" aria-label="Filter by tag" role="group">
              {tags.map((tag) => (
                <Link
                  key={tag}
                  href={promptListHref({ ...query, tag: query.tag === tag ? undefined : tag, page: 1 })}
                  // A link cannot be "pressed" (aria-pressed is for buttons): the chosen tag is the current filter.
                  aria-current={query.tag === tag ? "true" : undefined}
                  className={
                    query.tag === tag
                      ? "rounded bg-indigo-600 px-2 py-0.5 text-xs text-white"
                      : "rounded bg-zinc-100 px-2 py-0.5 text-xs text-zinc-700 hover:bg-zinc-200 dark:bg-zinc-800 dark:text-zinc-300"
                  }
                >
                  {tag}
                </Link>
              ))}
            </div>
          )}
          {list.total === 0 ? (
            filtered ? (
              <EmptyState title="No prompts match">Try another search, folder or tag.</EmptyState>
            ) : query.archived ? (
              <EmptyState title="No archived prompts">Archived prompts keep their history and can be restored.</EmptyState>
            ) : (
              <EmptyState title="No prompts yet">
                {canWrite ? "Create the first prompt with “New prompt”." : "An editor or admin can create the first prompt."}
              </EmptyState>
            )
          ) : (
            <PromptTable list={list} query={query} served={await loadServedVersions(list.rows.map((r) => r.id))} />
          )}
        </div>
      </div>
    </>
  );
}
