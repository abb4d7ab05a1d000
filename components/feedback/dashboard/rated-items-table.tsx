import { TagList } from "@/components/ui/badge";
import { Table, TableHead, Td } from "@/components/ui/table";
import { describeRating, type RatedItem } from "@/lib/feedback";
import { formatUtc } from "@/lib/core/ui/format-time";

// One row per rating. Model output is untrusted: it is rendered as React text (escaped), clipped by the query to a
// preview, never as HTML.

export function RatedItemsTable({ items }: { items: RatedItem[] }) {
  return (
    <Table aria-label="Rated items">
      <TableHead columns={["Prompt", "Version", "Model", "Reviewer", "Score", "Comment", "Tags", "Date", "Output"]} />
      <tbody>
        {items.map((item) => (
          <tr key={item.ratingId}>
            <Td>
              {item.promptName ?? "—"}
              <span className="block text-xs text-zinc-500">{item.queueName}</span>
            </Td>
            <Td className="whitespace-nowrap">
              {item.version === null ? "draft" : `v${item.version}`}
              {item.pairVersion !== null && <span className="text-zinc-500"> vs v{item.pairVersion}</span>}
            </Td>
            <Td className="font-mono text-xs">{item.modelId || "—"}</Td>
            <Td>{item.reviewerEmail}</Td>
            <Td className="whitespace-nowrap tabular-nums">{describeRating(item)}</Td>
            <Td className="max-w-56 text-xs">{item.comment || <span className="text-zinc-500">—</span>}</Td>
            <Td>
              <TagList tags={item.tags} />
            </Td>
            <Td className="whitespace-nowrap text-xs">{formatUtc(new Date(item.createdAt).toISOString())}</Td>
            <Td className="max-w-md">
              <p className="line-clamp-3 whitespace-pre-wrap break-words font-mono text-xs">
                {item.output}
                {item.outputTruncated && "…"}
              </p>
            </Td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}
