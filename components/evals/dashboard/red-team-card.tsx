import Link from "next/link";
import { Card } from "@/components/ui/card";
import { Section } from "@/components/ui/section";
import { Table, TableHead, Td } from "@/components/ui/table";
import { formatAttackRate } from "@/lib/evals";
import type { LatestRedTeamRun } from "@/lib/evals/server";
import { promptHref } from "@/lib/prompts";

// The dashboard's red-teaming card: per prompt, the attack success rate of its newest completed red-team run.

export function RedTeamCard({ runs }: { runs: LatestRedTeamRun[] }) {
  return (
    <Section id="red-team" title="Red-team attack success">
      {runs.length === 0 ? (
        <Card className="text-sm text-zinc-600 dark:text-zinc-400">
          No red-team run yet. Open a prompt, press &ldquo;Generate red-team dataset&rdquo;, then run an evaluation on the new dataset: the share of
          attacks that got through shows here.
        </Card>
      ) : (
        <Table aria-label="Latest red-team runs">
          <TableHead columns={["Prompt", "Version", "Attack success", "Attacks scored", "Evaluation"]} />
          <tbody>
            {runs.map((run) => (
              <tr key={run.promptId}>
                <Td>
                  <Link href={promptHref(run.promptName)} className="text-indigo-700 hover:underline dark:text-indigo-300">
                    {run.promptName}
                  </Link>
                </Td>
                <Td>v{run.version}</Td>
                <Td>{formatAttackRate(run.success.rate)}</Td>
                <Td>{run.success.scored}</Td>
                <Td>
                  <Link href={`/evaluations/${run.runId}`} className="text-indigo-700 hover:underline dark:text-indigo-300">
                    {run.datasetName}
                  </Link>
                </Td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
    </Section>
  );
}
