import type { Metadata } from "next";
import { Badge } from "@/components/ui/badge";
import { PageHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Table, Td, Th } from "@/components/ui/table";
import { requirePageAuth } from "@/lib/auth/context";
import { listPromptSummaries } from "@/lib/prompts/queries";

export const metadata: Metadata = { title: "Prompts" };

export default async function PromptsPage() {
  const ctx = await requirePageAuth("prompts:read");
  const rows = listPromptSummaries({ workspaceId: ctx.workspaceId });
  return (
    <>
      <PageHeader
        title="Prompts"
        description="Every prompt of this workspace with its latest version. Editing, history and diffs arrive with the prompt registry."
      />
      {rows.length === 0 ? (
        <EmptyState title="No prompts yet">
          This workspace has no prompts. The editor that creates them is the next capability being built; until then, prompts
          can be added by seeding or through the database.
        </EmptyState>
      ) : (
        <Table aria-label="Prompts">
          <thead>
            <tr>
              <Th>Name</Th>
              <Th>Type</Th>
              <Th>Latest</Th>
              <Th>Tags</Th>
              <Th>Updated</Th>
            </tr>
          </thead>
          <tbody>
            {rows.map((p) => (
              <tr key={p.id}>
                <Td>
                  <span className="font-medium">{p.name}</span>
                  {p.description && <span className="block text-xs text-zinc-500 dark:text-zinc-400">{p.description}</span>}
                </Td>
                <Td>{p.type === "chat" ? "Chat" : "Text"}</Td>
                <Td>{p.latestVersion ? `v${p.latestVersion}` : "no versions"}</Td>
                <Td>
                  <span className="flex flex-wrap gap-1">
                    {p.tags.map((tag) => (
                      <Badge key={tag}>{tag}</Badge>
                    ))}
                  </span>
                </Td>
                <Td>
                  <time dateTime={p.updatedAt.toISOString()}>{p.updatedAt.toISOString().slice(0, 10)}</time>
                </Td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
    </>
  );
}
