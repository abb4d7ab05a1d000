import Link from "next/link";
import { EmptyState } from "@/components/ui/empty-state";
import { Section } from "@/components/ui/section";
import { Table, TableHead, Td } from "@/components/ui/table";
import type { QueueAgreement } from "@/lib/review";

const stat = (v: number | null, digits = 2) => (v === null ? "—" : v.toFixed(digits));
const pct = (v: number | null) => (v === null ? "—" : `${(v * 100).toFixed(1)}%`);

/** Agreement per criterion, the items reviewers disagree on most, and human ratings set against the LLM judge. */
export function AgreementTables({ report, canRate }: { report: QueueAgreement; canRate: boolean }) {
  const shared = report.byCriterion.some((c) => c.sharedItems > 0);
  return (
    <div className="flex flex-col gap-6">
      <Section id="agreement-title" title="Agreement between reviewers" className="gap-2">
        {!shared ? (
          <EmptyState title="No item has two ratings yet">
            Agreement is measured on items rated by at least two reviewers. Set Reviewers per item to 2 or more, assign enough reviewers, and let them rate.
          </EmptyState>
        ) : (
          <>
            <Table aria-label="Agreement">
              <TableHead columns={["Criterion", "Items with 2+ ratings", "Percent agreement", "Cohen's κ", "Krippendorff's α"]} />
              <tbody>
                {report.byCriterion.map((c) => (
                  <tr key={c.criterion.name}>
                    <Td>{c.criterion.label}</Td>
                    <Td className="tabular-nums">{c.sharedItems}</Td>
                    <Td className="tabular-nums">{pct(c.percentAgreement)}</Td>
                    <Td className="tabular-nums">{c.raters === 2 ? stat(c.cohensKappa) : <span title="Cohen's kappa is for exactly two reviewers">n/a ({c.raters} reviewers)</span>}</Td>
                    <Td className="tabular-nums">
                      {stat(c.krippendorffAlpha)} <span className="text-xs text-zinc-500">({c.criterion.metric})</span>
                    </Td>
                  </tr>
                ))}
              </tbody>
            </Table>
            <p className="text-xs text-zinc-600 dark:text-zinc-400">
              κ and α run from −1 to 1: 1 is perfect agreement, 0 what chance alone would give. 1–5 scales use the ordinal α; thumbs, yes/no and pairwise
              choices the nominal one. Below about 0.67, treat the criterion&apos;s ratings as unreliable and sharpen the instructions.
            </p>
          </>
        )}
      </Section>

      <Section id="disagreements-title" title="Disagreements" className="gap-2">
        {report.disagreements.length === 0 ? (
          <p className="text-sm text-zinc-600 dark:text-zinc-400">No item has reviewers who disagree.</p>
        ) : (
          <Table aria-label="Disagreements">
            <TableHead columns={["Item", "Spread", "Ratings"]} />
            <tbody>
              {report.disagreements.map((d) => (
                <tr key={d.itemId}>
                  <Td>
                    {canRate ? (
                      <Link href={`/review/${report.queue.id}?item=${d.itemId}`} className="text-indigo-700 hover:underline dark:text-indigo-300">
                        #{d.position}
                      </Link>
                    ) : (
                      `#${d.position}`
                    )}
                  </Td>
                  <Td className="tabular-nums">{pct(d.spread)}</Td>
                  <Td>
                    <ul className="flex flex-col gap-0.5 text-xs">
                      {d.ratings.map((r) => (
                        <li key={r.reviewerEmail}>
                          <span className="font-medium">{r.reviewerEmail}</span>: {r.values.map((v) => `${v.criterion} ${v.value}`).join(", ")}
                        </li>
                      ))}
                    </ul>
                  </Td>
                </tr>
              ))}
            </tbody>
          </Table>
        )}
      </Section>

      <Section id="judge-title" title="Human vs LLM judge" className="gap-2">
        {report.judge.length === 0 ? (
          <p className="text-sm text-zinc-600 dark:text-zinc-400">
            None of this queue&apos;s items has an LLM judge verdict. Build a queue from an evaluation that used an LLM judge scorer to check the judge against
            your reviewers.
          </p>
        ) : (
          <Table aria-label="Human vs judge">
            <TableHead columns={["Judge scorer", "Items", "Agreement (pass/fail)", "Cohen's κ", "Mean |human − judge|", "Human pass · judge pass / fail", "Human fail · judge pass / fail"]} />
            <tbody>
              {report.judge.map((j) => (
                <tr key={j.scorerKey}>
                  <Td className="font-mono text-xs">{j.scorerKey}</Td>
                  <Td className="tabular-nums">{j.items}</Td>
                  <Td className="tabular-nums">{pct(j.agreement)}</Td>
                  <Td className="tabular-nums">{stat(j.kappa)}</Td>
                  <Td className="tabular-nums">{stat(j.meanAbsDifference)}</Td>
                  <Td className="tabular-nums">
                    {j.confusion.humanPassJudgePass} / {j.confusion.humanPassJudgeFail}
                  </Td>
                  <Td className="tabular-nums">
                    {j.confusion.humanFailJudgePass} / {j.confusion.humanFailJudgeFail}
                  </Td>
                </tr>
              ))}
            </tbody>
          </Table>
        )}
      </Section>
    </div>
  );
}
