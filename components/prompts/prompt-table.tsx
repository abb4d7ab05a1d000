import Link from "next/link";
import { Badge, TagList } from "@/components/ui/badge";
import { Table, TableHead, Td } from "@/components/ui/table";
import { promptHref, promptListHref, type PromptList, type PromptListQuery } from "@/lib/prompts";
import type { ServedVersions } from "@/lib/serving";

export function PromptTable({ list, query, served }: { list: PromptList; query: PromptListQuery; served: ServedVersions }) {
  return (
    <>
      <Table aria-label="Prompts">
        <TableHead columns={["Name", "Type", "Latest", "Serving", "Tags", "Updated"]} />
        <tbody>
          {list.rows.map((p) => (
            <tr key={p.id}>
              <Td>
                <Link href={promptHref(p.name)} className="font-medium text-indigo-700 hover:underline dark:text-indigo-300">
                  {p.name}
                </Link>
                {p.description && <span className="block text-xs text-zinc-500 dark:text-zinc-400">{p.description}</span>}
              </Td>
              <Td>{p.type === "chat" ? "Chat" : "Text"}</Td>
              <Td>{p.latestVersion ? `v${p.latestVersion}` : <span className="text-zinc-500">no versions</span>}</Td>
              <Td>
                <span className="flex flex-wrap gap-1">
                  {(served.get(p.id) ?? []).map((e) => (
                    <Badge key={e.name} tone={e.version === p.latestVersion ? "success" : "warning"} title={e.version === p.latestVersion ? "serves the latest version" : "serves an older version"}>
                      {e.name} v{e.version}
                    </Badge>
                  ))}
                  {!served.get(p.id) && <span className="text-xs text-zinc-500">not deployed</span>}
                </span>
              </Td>
              <Td>
                <TagList tags={p.tags} />
              </Td>
              <Td className="whitespace-nowrap">
                <time dateTime={p.updatedAt.toISOString()}>{p.updatedAt.toISOString().replace("T", " ").slice(0, 16)}</time>
              </Td>
            </tr>
          ))}
        </tbody>
      </Table>
      <nav aria-label="Pagination" className="flex items-center justify-between text-sm text-zinc-600 dark:text-zinc-400">
        <span>
          {list.total} prompt{list.total === 1 ? "" : "s"} · page {list.page} of {list.pageCount}
        </span>
        <span className="flex gap-3">
          {list.page > 1 && <Link href={promptListHref({ ...query, page: list.page - 1 })}>Previous page</Link>}
          {list.page < list.pageCount && <Link href={promptListHref({ ...query, page: list.page + 1 })}>Next page</Link>}
        </span>
      </nav>
    </>
  );
}
