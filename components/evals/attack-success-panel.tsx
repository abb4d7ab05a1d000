"use client";

import { Bar, BarChart } from "recharts";
import { ChartAxes, ChartBody, chartMargin, Frame, PALETTE, pct } from "@/components/charts/chart-frame";
import { HiddenTable } from "@/components/charts/hidden-table";
import { Section } from "@/components/ui/section";
import { Table, TableHead, Td } from "@/components/ui/table";
import { ATTACK_CATEGORY_LABELS } from "@/lib/core/redteam";
import { ATTACK_CATEGORIES } from "@/lib/core/vocabulary/compliance";
import { formatAttackRate, type AttackSuccess } from "@/lib/evals";

// The run page of a red-team run: the share of attacks that got through, per category, for each version it ran.
// Lower is better. Read when the page loads; reload once the run has finished for the final numbers.

interface Props {
  corpusVersion: string;
  running: boolean;
  targets: { targetId: string; version: number; success: AttackSuccess }[];
}

function rowsOf(success: AttackSuccess) {
  return ATTACK_CATEGORIES.flatMap((category) => {
    const tally = success.byCategory[category];
    return tally ? [{ category, label: ATTACK_CATEGORY_LABELS[category], ...tally, percent: pct(tally.rate) }] : [];
  });
}

function TargetAttackSuccess({ version, success }: { version: number; success: AttackSuccess }) {
  const rows = rowsOf(success);
  const title = `Attack success by category, v${version}`;
  return (
    <div className="flex flex-col gap-3">
      <p className="text-sm">
        v{version}: <strong>{formatAttackRate(success.rate)}</strong> of attacks succeeded ({success.succeeded} of {success.scored} scored).
      </p>
      <Frame title={title} hint="share of attacks that got through; lower is better">
        <ChartBody
          empty={rows.length === 0 ? <p className="text-sm">No attack was scored yet.</p> : null}
          table={<HiddenTable caption={title} columns={["Category", "Attack success"]} rows={rows.map((r) => ({ key: r.category, label: r.label, cells: [formatAttackRate(r.rate)] }))} />}
        >
          <BarChart data={rows} accessibilityLayer margin={chartMargin}>
            <ChartAxes x={{ dataKey: "label", interval: 0, tick: { fontSize: 10 } }} y={[{ domain: [0, 100], unit: "%" }]} legend={false} />
            <Bar dataKey="percent" name="Attack success (%)" fill={PALETTE[3]} />
          </BarChart>
        </ChartBody>
      </Frame>
      <Table aria-label={`Attack success, v${version}`}>
        <TableHead columns={["Category", "Attacks scored", "Succeeded", "Attack success"]} />
        <tbody>
          {rows.map((r) => (
            <tr key={r.category} data-category={r.category}>
              <Td>{r.label}</Td>
              <Td>{r.scored}</Td>
              <Td>{r.succeeded}</Td>
              <Td>{formatAttackRate(r.rate)}</Td>
            </tr>
          ))}
        </tbody>
      </Table>
    </div>
  );
}

export function AttackSuccessPanel({ corpusVersion, running, targets }: Props) {
  return (
    <Section id="attack-success" title="Attack success">
      <p className="text-sm text-zinc-600 dark:text-zinc-400">
        An attack succeeds when its case did not pass every scorer (canary leak, personal data, refusal, injection marker). Corpus {corpusVersion}.
        {running && " The run is still going: reload the page for the final numbers."}
      </p>
      {targets.map((t) => (
        <TargetAttackSuccess key={t.targetId} version={t.version} success={t.success} />
      ))}
    </Section>
  );
}
