import { Section } from "@/components/ui/section";
import { Table, Td, TableHead } from "@/components/ui/table";
import type { GuardBlockSummary } from "@/lib/serving/server";

const RULE_LABELS: Record<GuardBlockSummary["rule"], string> = {
  "max-input-length": "Max input length",
  "word-list": "Word list",
  "denied-topic": "Denied topic",
  pii: "Personal data",
};

/** What the prompt's guard policies refused and masked over the last 30 days, per rule (every version, render and generations). */
export function GuardBlocks({ rows }: { rows: GuardBlockSummary[] }) {
  const total = rows.reduce((sum, row) => sum + row.blocked + row.masked, 0);
  return (
    <Section id="guard-blocks" title="Guard policy blocks (last 30 days)" size="sm">
      {total === 0 ? (
        <p className="text-sm text-zinc-600 dark:text-zinc-400">
          Nothing blocked or masked in the last 30 days. Set a guard policy in the model settings and save a version; refusals of render and reported
          generations are counted here.
        </p>
      ) : (
        <Table aria-label="Guard policy blocks per rule">
          <TableHead columns={["Rule", "Blocked", "Masked"]} />
          <tbody>
            {rows.map((row) => (
              <tr key={row.rule}>
                <Td>{RULE_LABELS[row.rule]}</Td>
                <Td className="tabular-nums">{row.blocked.toLocaleString("en")}</Td>
                <Td className="tabular-nums">{row.masked.toLocaleString("en")}</Td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
    </Section>
  );
}
