import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Table, TableHead, Td } from "@/components/ui/table";
import type { OptimizationCandidateView } from "@/lib/optimizer";
import { percent, usd } from "./labels";

const ORIGINS: Record<OptimizationCandidateView["origin"], string> = { baseline: "Baseline", instruction: "Instruction", "few-shot": "Few-shot" };

/**
 * The scored candidates, best validation score first (the order the server gives). The baseline is marked; the best
 * is the first row. Each row's button shows that candidate's diff against the baseline below the table.
 */
export function Leaderboard({
  candidates,
  bestKey,
  selectedKey,
  onSelect,
}: {
  candidates: OptimizationCandidateView[];
  bestKey: string | null;
  selectedKey: string | null;
  onSelect: (key: string) => void;
}) {
  if (candidates.length === 0) return <p className="text-sm text-zinc-600 dark:text-zinc-400">No candidate has been scored yet.</p>;
  return (
    <Table aria-label="Leaderboard">
      <TableHead columns={["#", "Origin", "Round", "Train", "Validation", "Held-out", "Calls", "Cost"]} actions />
      <tbody>
        {candidates.map((c, i) => (
          <tr key={c.key} aria-current={c.key === selectedKey ? "true" : undefined} className={c.key === selectedKey ? "bg-indigo-50/60 dark:bg-indigo-950/40" : undefined}>
            <Td className="tabular-nums">{i + 1}</Td>
            <Td>
              <span className="flex flex-wrap items-center gap-1">
                {ORIGINS[c.origin] ?? c.origin}
                {c.origin === "baseline" && <Badge>baseline</Badge>}
                {c.key === bestKey && c.origin !== "baseline" && <Badge tone="success">best</Badge>}
              </span>
            </Td>
            <Td className="tabular-nums">{c.round}</Td>
            <Td className="tabular-nums">{percent(c.trainScore)}</Td>
            <Td className="tabular-nums font-medium">{percent(c.validationScore)}</Td>
            <Td className="tabular-nums">{percent(c.heldOutScore)}</Td>
            <Td className="tabular-nums">{c.calls}</Td>
            <Td className="tabular-nums">{usd(c.costUsd)}</Td>
            <Td>
              {c.origin !== "baseline" && (
                <Button size="sm" variant="secondary" aria-pressed={c.key === selectedKey} aria-label={`Diff candidate ${i + 1} against the baseline`} onClick={() => onSelect(c.key)}>
                  Diff
                </Button>
              )}
            </Td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}
