import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { PromptHeader } from "@/components/prompts/prompt-header";
import { PromptEditor } from "@/components/prompts/prompt-editor";
import { PromptTabs } from "@/components/prompts/prompt-tabs";
import { userPrincipal } from "@/lib/platform/auth/principal";
import { dashboardFiltersSchema } from "@/lib/evals";
import { DashboardSections } from "@/app/(studio)/dashboard/_sections/dashboard-sections";
import { VersionHistory } from "@/components/prompts/version-history";
import { Playground } from "@/components/playground/playground";
import { loadPlaygroundData } from "@/lib/playground/server";
import { orNotFound } from "@/lib/platform/http/page-data";
import { DeploymentsPanel } from "@/components/deployments/deployments-panel";
import type { AuthContext } from "@/lib/platform/auth/context";
import { loadPromptDeployments } from "@/lib/releases/server";
import { loadLintSeverities } from "@/lib/platform/lint-settings/lint-severities";
import { loadGuardBlocks, loadServingEnvironments, loadVersionVariables } from "@/lib/serving/server";
import { GuardBlocks } from "@/components/prompts/guard-blocks";
import { requirePageAuth } from "@/lib/platform/auth/context";
import { can } from "@/lib/platform/auth/policy";
import { loadPromptPage, type listVersions } from "@/lib/prompts/server";
import { versionContent, parseCompare, parseVersionParam, promptHref, type PromptTab } from "@/lib/prompts";
import { parseRunParam } from "@/lib/playground";
import { OptimizeTab } from "@/components/optimizer/optimize-tab";
import { loadOptimizeTab } from "@/lib/optimizer/server";

type Params = Promise<{ name: string[] }>;
type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/** The prompt's name from the path's still-encoded segments; null when one is not valid percent-encoding. */
function promptName(segments: string[]): string | null {
  try {
    return segments.map((s) => decodeURIComponent(s)).join("/");
  } catch {
    return null;
  }
}

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  return { title: promptName((await params).name) ?? "Prompt not found" };
}

export default async function PromptPage({ params, searchParams }: { params: Params; searchParams: SearchParams }) {
  const ctx = await requirePageAuth("prompts:read");
  const name = promptName((await params).name);
  if (name === null) notFound();
  const { prompt, versions, partialNames, models, defaultModel } = await orNotFound(() => loadPromptPage(ctx, name));
  const query = await searchParams;
  const tabParam = typeof query.tab === "string" ? query.tab : "editor";
  const tab: PromptTab = (["editor", "history", "deployments", "playground", "evaluations", "optimize"] as const).find((t) => t === tabParam) ?? "editor";
  const latest = versions[0]?.version;
  const canWrite = can(ctx.role, "prompts:write") && !prompt.archivedAt;

  return (
    <div className="flex flex-col gap-4">
      <PromptHeader
        prompt={{ id: prompt.id, name: prompt.name, type: prompt.type, description: prompt.description, tags: prompt.tags, archived: Boolean(prompt.archivedAt) }}
        latestVersion={latest?.version ?? null}
        canWrite={can(ctx.role, "prompts:write")}
        redTeam={can(ctx.role, "datasets:write") ? { models, defaultModel } : null}
      />
      <PromptTabs name={prompt.name} current={tab} />
      {tab === "editor" && (
        <PromptEditor
          // Keyed by prompt only: the editor moves its own base on save, and remounting when the refresh after a save
          // brings the new version would throw away whatever was typed in between.
          key={prompt.id}
          promptId={prompt.id}
          type={prompt.type}
          latest={latest ? { version: latest.version, content: versionContent(latest) } : null}
          canWrite={canWrite}
          partialNames={partialNames}
          initialVariables={
            latest ? await loadVersionVariables(ctx, { content: latest, promptName: prompt.name }) : { variables: [], problems: [] }
          }
          models={models}
          defaultModel={defaultModel}
          lintSeverities={await loadLintSeverities({ workspaceId: ctx.workspaceId })}
        />
      )}
      {tab === "editor" && <PromptGuardBlocks ctx={ctx} promptId={prompt.id} />}
      {tab === "history" && <PromptHistory promptId={prompt.id} name={prompt.name} canWrite={canWrite} versions={versions} query={query} />}
      {tab === "deployments" && <PromptDeployments ctx={ctx} promptId={prompt.id} versions={versions.map((v) => v.version.version)} />}
      {tab === "evaluations" && <PromptEvaluations ctx={ctx} promptId={prompt.id} name={prompt.name} query={query} />}
      {tab === "optimize" && (
        <PromptOptimize
          ctx={ctx}
          promptId={prompt.id}
          latest={latest ? { version: latest.version, model: typeof latest.modelConfig.model === "string" ? latest.modelConfig.model : null } : null}
          models={models}
          defaultModel={defaultModel}
          canRun={can(ctx.role, "optimizations:run") && !prompt.archivedAt}
        />
      )}
      {tab === "playground" && (
        <Playground
          // A new key per reopened run resets the columns when "Open in playground" changes the URL.
          key={parseRunParam(query.run) ?? "new"}
          data={await orNotFound(() => loadPlaygroundData(ctx, { prompt, runId: parseRunParam(query.run) }))}
          runHref={promptHref(prompt.name, { tab: "playground" })}
        />
      )}
    </div>
  );
}

async function PromptHistory({
  promptId,
  name,
  canWrite,
  versions,
  query,
}: {
  promptId: string;
  name: string;
  canWrite: boolean;
  versions: Awaited<ReturnType<typeof listVersions>>;
  query: Record<string, string | string[] | undefined>;
}) {
  const servedIn = await loadServingEnvironments(promptId);
  return (
    <VersionHistory
      promptId={promptId}
      name={name}
      canWrite={canWrite}
      compare={parseCompare(typeof query.compare === "string" ? query.compare : undefined)}
      selected={parseVersionParam(typeof query.version === "string" ? query.version : undefined)}
      versions={versions.map((v) => ({
        version: v.version.version,
        commitMessage: v.version.commitMessage,
        author: v.authorName ?? "unknown",
        createdAt: v.version.createdAt.toISOString(),
        provenance: v.version.provenance,
        content: versionContent(v.version),
        servedIn: servedIn.get(v.version.version) ?? [],
      }))}
    />
  );
}

async function PromptDeployments({ ctx, promptId, versions }: { ctx: AuthContext; promptId: string; versions: number[] }) {
  const { environments, pending, history } = await loadPromptDeployments({ workspaceId: ctx.workspaceId, promptId });
  return (
    <DeploymentsPanel
      promptId={promptId}
      versions={versions}
      environments={environments}
      pending={pending.map((r) => ({
        id: r.id,
        promptName: r.promptName,
        environmentName: r.environmentName,
        version: r.version,
        baseVersion: r.baseVersion,
        requestedByLabel: r.requestedByLabel,
        comment: r.comment,
        status: r.status,
        createdAt: r.createdAt.toISOString(),
        mine: r.requestedById === ctx.user.id,
      }))}
      history={history.map((d) => ({ ...d, createdAt: d.createdAt.toISOString() }))}
      can={{
        deploy: can(ctx.role, "deployments:deploy"),
        request: can(ctx.role, "deployments:request"),
        rollback: can(ctx.role, "deployments:rollback"),
      }}
    />
  );
}

async function PromptEvaluations({ ctx, promptId, name, query }: { ctx: AuthContext; promptId: string; name: string; query: Record<string, string | string[] | undefined> }) {
  const pick = (key: string) => (typeof query[key] === "string" && query[key] ? (query[key] as string) : undefined);
  const filters = dashboardFiltersSchema.parse({ dataset: pick("dataset"), environment: pick("environment"), model: pick("model"), range: pick("range") ?? "all", prompt: promptId });
  return (
    <div className="flex flex-col gap-6">
      <DashboardSections principal={userPrincipal(ctx)} filters={filters} action={promptHref(name)} fixedPrompt />
    </div>
  );
}

async function PromptOptimize({
  ctx,
  promptId,
  latest,
  models,
  defaultModel,
  canRun,
}: {
  ctx: AuthContext;
  promptId: string;
  latest: { version: number; model: string | null } | null;
  models: { id: string; label: string }[];
  defaultModel: string;
  canRun: boolean;
}) {
  const { optimizations, datasets } = await loadOptimizeTab(userPrincipal(ctx), { promptId });
  const own = latest?.model && models.some((m) => m.id === latest.model) ? latest.model : defaultModel;
  return (
    <OptimizeTab
      optimizations={optimizations}
      form={
        !canRun
          ? "read-only"
          : !latest
            ? "no-version"
            : { promptId, baseVersion: latest.version, datasets, models, defaultTaskModel: own, defaultProposerModel: defaultModel }
      }
    />
  );
}

async function PromptGuardBlocks({ ctx, promptId }: { ctx: AuthContext; promptId: string }) {
  return <GuardBlocks rows={await loadGuardBlocks(ctx, { promptId })} />;
}
