"use client";

import { Line, LineChart } from "recharts";
import { ChartAxes, ChartBody, Frame, chartMargin, pct, seriesColour } from "@/components/charts/chart-frame";
import { HiddenTable } from "@/components/charts/hidden-table";
import type { OptimizationView } from "@/lib/optimizer";
import { percent } from "./labels";

/** The best validation score after each round: a flat line is a search that found nothing more. */
export function BestByRoundChart({ run }: { run: OptimizationView }) {
  const points = (run.progress?.bestByRound ?? []).map((p) => ({ round: p.round, validation: pct(p.validation) }));
  return (
    <Frame title="Best validation score by round" hint="round 0 is the baseline">
      <ChartBody
        empty={points.length === 0 ? <p className="text-sm">No round has finished yet.</p> : null}
        table={
          <HiddenTable
            caption="Best validation score by round"
            columns={["Round", "Best validation score"]}
            rows={(run.progress?.bestByRound ?? []).map((p) => ({ key: String(p.round), label: `Round ${p.round}`, cells: [percent(p.validation)] }))}
          />
        }
      >
        <LineChart data={points} margin={chartMargin}>
          <ChartAxes x={{ dataKey: "round", allowDecimals: false }} y={[{ domain: [0, 100], unit: "%" }]} legend={false} />
          <Line type="linear" dataKey="validation" name="Best validation" stroke={seriesColour(0)} strokeWidth={2} dot isAnimationActive={false} />
        </LineChart>
      </ChartBody>
    </Frame>
  );
}
