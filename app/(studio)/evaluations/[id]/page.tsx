import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { RunDetail } from "@/components/evals/run-detail";
import { requirePageAuth } from "@/lib/platform/auth/context";
import { can } from "@/lib/platform/auth/policy";
import { userPrincipal } from "@/lib/platform/auth/principal";
import { describeEvalRun, loadRunAttackSuccess } from "@/lib/evals/server";
import { AttackSuccessPanel } from "@/components/evals/attack-success-panel";
import { isAppError } from "@/lib/core/errors";

export const metadata: Metadata = { title: "Evaluation" };

export default async function EvaluationPage({ params }: { params: Promise<{ id: string }> }) {
  const ctx = await requirePageAuth("prompts:read");
  const { id } = await params;
  let run;
  try {
    run = await describeEvalRun(userPrincipal(ctx), id);
  } catch (error) {
    if (isAppError(error) && error.status === 404) notFound();
    throw error;
  }
  const attacks = await loadRunAttackSuccess(userPrincipal(ctx), run);
  return (
    <div className="flex flex-col gap-4">
      <nav aria-label="Evaluation links" className="flex flex-wrap gap-4 text-sm">
        <Link href="/evaluations" className="text-indigo-700 hover:underline dark:text-indigo-300">
          ← Evaluations
        </Link>
        <Link href={`/evaluations/compare?b=${run.id}`} className="text-indigo-700 hover:underline dark:text-indigo-300">
          Compare with another evaluation
        </Link>
        {can(ctx.role, "review:manage") && (
          <Link href={`/review/new?run=${run.id}`} className="text-indigo-700 hover:underline dark:text-indigo-300">
            Send to human review
          </Link>
        )}
        {run.targets.length > 1 && (
          <Link href={`/evaluations/compare?a=${run.id}&b=${run.id}`} className="text-indigo-700 hover:underline dark:text-indigo-300">
            Compare its versions
          </Link>
        )}
      </nav>
      <RunDetail initial={run} canRun={can(ctx.role, "evals:run")} />
      {attacks && <AttackSuccessPanel corpusVersion={attacks.corpusVersion} running={run.status === "queued" || run.status === "running"} targets={attacks.targets} />}
    </div>
  );
}
