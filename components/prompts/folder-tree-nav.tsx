import Link from "next/link";
import { type FolderNode, promptListHref, type PromptListQuery } from "@/lib/prompts";
import { cn } from "@/lib/core/ui/cn";

function FolderList({ nodes, query }: { nodes: FolderNode[]; query: PromptListQuery }) {
  return (
    <ul className="flex flex-col gap-0.5 pl-3">
      {nodes.map((node) => (
        <li key={node.path}>
          <Link
            href={promptListHref({ ...query, folder: node.path, page: 1 })}
            aria-current={query.folder === node.path ? "page" : undefined}
            className={cn(
              "flex justify-between rounded px-2 py-1 text-sm hover:bg-zinc-100 dark:hover:bg-zinc-800",
              query.folder === node.path && "bg-indigo-50 font-medium text-indigo-700 dark:bg-indigo-950 dark:text-indigo-300",
            )}
          >
            <span className="truncate">{node.name}/</span>
            <span className="text-xs text-zinc-500">{node.promptCount}</span>
          </Link>
          {node.children.length > 0 && <FolderList nodes={node.children} query={query} />}
        </li>
      ))}
    </ul>
  );
}

export function FolderTreeNav({ tree, query, total }: { tree: FolderNode[]; query: PromptListQuery; total: number }) {
  return (
    <nav aria-label="Folders" className="flex flex-col gap-0.5 text-sm">
      <Link
        href={promptListHref({ ...query, folder: undefined, page: 1 })}
        aria-current={!query.folder ? "page" : undefined}
        className={cn(
          "flex justify-between rounded px-2 py-1 hover:bg-zinc-100 dark:hover:bg-zinc-800",
          !query.folder && "bg-indigo-50 font-medium text-indigo-700 dark:bg-indigo-950 dark:text-indigo-300",
        )}
      >
        <span>All prompts</span>
        <span className="text-xs text-zinc-500">{total}</span>
      </Link>
      <FolderList nodes={tree} query={query} />
    </nav>
  );
}
