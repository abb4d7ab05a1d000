import type { Metadata } from "next";
import Link from "next/link";
import { CompareView } from "@/components/evals/compare/compare-view";
import { ComparePicker } from "@/components/evals/compare/compare-picker";
import { FormError } from "@/components/ui/form-error";
import { requirePageAuth } from "@/lib/platform/auth/context";
import { userPrincipal } from "@/lib/platform/auth/principal";
import { compareRuns, type RunComparison, listEvalRuns } from "@/lib/evals/server";
import { isAppError } from "@/lib/core/errors";

export const metadata: Metadata = { title: "Compare evaluations" };

export default async function ComparePage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const ctx = await requirePageAuth("prompts:read");
  const query = await searchParams;
  const runs = (await listEvalRuns({ workspaceId: ctx.workspaceId, limit: 100 })).map((r) => ({
    id: r.id,
    label: `${r.name || "Untitled"} · ${r.targets.map((t) => `${t.promptName} v${t.version}`).join(", ")} · ${r.datasetName}`,
  }));
  let comparison: RunComparison | null = null;
  let error: string | null = null;
  if (query.a && query.b) {
    try {
      comparison = await compareRuns(userPrincipal(ctx), { a: query.a, b: query.b, ...(query.at ? { at: query.at } : {}), ...(query.bt ? { bt: query.bt } : {}) });
    } catch (e) {
      if (!isAppError(e) || e.status >= 500) throw e;
      error = e.message;
    }
  }
  const params = new URLSearchParams(Object.entries({ a: query.a, b: query.b, at: query.at, bt: query.bt }).filter((e): e is [string, string] => !!e[1]));
  return (
    <div className="flex flex-col gap-5">
      <Link href="/evaluations" className="text-sm text-indigo-700 hover:underline dark:text-indigo-300">
        ← Evaluations
      </Link>
      <header>
        <h1 className="text-xl font-semibold">Compare evaluations</h1>
        <p className="text-sm text-zinc-600 dark:text-zinc-400">
          A is the baseline, B the candidate. Cases are matched by the dataset case they came from; regressions (pass → fail) and improvements are marked.
        </p>
      </header>
      <ComparePicker runs={runs} a={query.a ?? ""} b={query.b ?? ""} />
      <FormError message={error} />
      {comparison && <CompareView comparison={comparison} onlyChanges={query.only === "changes"} baseHref={`/evaluations/compare?${params.toString()}`} />}
    </div>
  );
}
