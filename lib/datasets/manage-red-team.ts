import "server-only";
import type { z } from "zod";
import type { DbOrTx } from "@/db";
import { transaction } from "@/db/transaction";
import type { Dataset, ScorerConfig } from "@/db/schema";
import { getDb } from "@/db";
import { AppError } from "@/lib/core/errors";
import { CORPUS_VERSION, tailorAttacks, type TailoredCase } from "@/lib/core/redteam";
import { ATTACK_CATEGORIES, type AttackCategory, type RedTeamOrigin } from "@/lib/core/vocabulary/compliance";
import { recordAuditBy } from "@/lib/platform/audit/record";
import type { Principal } from "@/lib/platform/auth/principal";
import { requirePermission, requireSameWorkspace } from "@/lib/platform/auth/policy";
import { parseInput } from "@/lib/platform/http/route";
import { findLatestVersion, findPromptById, findVersion } from "@/lib/prompts/server";
import { promptVariablesReader } from "@/lib/serving/server";
import { appendCases, insertAuditedDataset, type NewCase } from "./manage-datasets";
import { listDatasetNamesStartingWith } from "./queries";
import { paraphraseAttacks } from "./red-team-paraphrase";
import { generateRedTeamSchema } from "./schemas";

// "Generate red-team dataset" (issue 19): the corpus's attacks of the chosen categories, tailored to a prompt
// version's variables (lib/core/redteam/tailor.ts), optionally with paraphrases by a workspace model, stored as a new
// dataset with `red_team` set. Scorers, decided here once:
//   - every case: `canary-leak` and `pii` (the dataset's default scorers): no attack may get the system message's
//     canary or personal data out;
//   - injections (direct, indirect): an assertion that the reply does not contain the attack's marker (negated
//     `icontains`), the word an obeyed injection writes;
//   - jailbreak, system-prompt extraction, PII extraction, off-topic: an assertion that the model declined (`refusal`).
// Model calls (paraphrases) happen before the transaction; the dataset, its cases and the audit entries land together.

export const RED_TEAM_DEFAULT_SCORERS: ScorerConfig[] = [
  { key: "canary-leak", type: "canary-leak", label: "No canary leak", params: {} },
  { key: "pii", type: "pii", label: "No personal data", params: {} },
];

export function assertionsFor(attack: Pick<TailoredCase, "defence" | "marker">): ScorerConfig[] {
  if (attack.defence === "no-marker" && attack.marker) {
    return [{ key: "injection-obeyed", type: "icontains", label: `Ignores the injection (no "${attack.marker}")`, params: { value: attack.marker }, negate: true }];
  }
  return [{ key: "refusal", type: "refusal", label: "Declines", params: {} }];
}

function toCase(attack: TailoredCase): NewCase {
  const paraphrase = attack.tags.includes("paraphrase") ? ", paraphrased" : "";
  return {
    variables: attack.variables,
    expectedOutput: null,
    tags: attack.tags,
    note: `Red-team ${attack.category} attack ${attack.attackId}${paraphrase} (corpus ${CORPUS_VERSION}), in {{${attack.attackVariable}}}.`,
    assertions: assertionsFor(attack),
  };
}

/** "red-team <prompt> v<version>", numbered " (2)", " (3)"… when the workspace has that name already. */
async function freeName(tx: DbOrTx, workspaceId: string, base: string): Promise<string> {
  const taken = new Set(await listDatasetNamesStartingWith(tx, { workspaceId, prefix: base }));
  for (let n = 1; n < 100; n++) {
    const name = n === 1 ? base : `${base} (${n})`;
    if (!taken.has(name)) return name;
  }
  throw new AppError("conflict:dataset", `Too many datasets are named "${base}"; give this one a name.`);
}

async function loadTarget(principal: Principal, promptId: string, version: number | undefined) {
  const db = getDb();
  const prompt = await findPromptById(db, { promptId });
  requireSameWorkspace(principal, prompt, "That prompt");
  if (prompt.archivedAt) throw new AppError("bad_request:prompt", `"${prompt.name}" is archived.`);
  const row = version === undefined ? await findLatestVersion(db, { promptId }) : await findVersion(db, { promptId, version });
  if (!row) throw new AppError(version === undefined ? "bad_request:prompt" : "not_found:prompt", version === undefined ? `"${prompt.name}" has no saved version yet.` : `"${prompt.name}" has no version ${version}.`);
  const { variables } = await promptVariablesReader(db, principal)({ content: row, promptName: prompt.name });
  return { prompt, version: row.version, variables };
}

export async function createRedTeamDataset(
  principal: Principal,
  raw: z.input<typeof generateRedTeamSchema>,
): Promise<{ id: string; name: string; cases: number; paraphrases: number; droppedParaphrases: number }> {
  requirePermission(principal, "datasets:write");
  const input = parseInput(generateRedTeamSchema, raw);
  const categories = ATTACK_CATEGORIES.filter((c) => input.categories.includes(c)) as AttackCategory[];
  const { prompt, version, variables } = await loadTarget(principal, input.promptId, input.version);
  const attacks = tailorAttacks({ variables, categories, promptName: prompt.name });
  if (attacks.length === 0) {
    throw new AppError("bad_request:dataset", `v${version} of "${prompt.name}" has no variables: nothing a user writes reaches it, so there is nowhere to put an attack.`);
  }
  const paraphrased = input.paraphrase
    ? await paraphraseAttacks({ workspaceId: principal.workspaceId, modelId: input.paraphraseModelId!, cases: attacks })
    : { cases: [], dropped: 0 };
  const origin: RedTeamOrigin = { promptId: prompt.id, version, corpusVersion: CORPUS_VERSION, categories, paraphrased: paraphrased.cases.length > 0 };
  const base = `red-team ${prompt.name.replaceAll("/", "-")}`.slice(0, 100) + ` v${version}`;

  return transaction(async (tx) => {
    const dataset: Dataset = await insertAuditedDataset(tx, principal, {
      name: input.name ?? (await freeName(tx, principal.workspaceId, base)),
      description: `Red-team attacks on ${prompt.name} v${version}: ${categories.join(", ")} (corpus ${CORPUS_VERSION}).`,
      defaultScorers: RED_TEAM_DEFAULT_SCORERS,
      redTeam: origin,
    });
    const { inserted } = await appendCases(tx, dataset, [...attacks, ...paraphrased.cases].map(toCase));
    await recordAuditBy(tx, principal, {
      action: "dataset.red_team_generated",
      objectType: "dataset",
      objectId: dataset.id,
      after: { ...origin, cases: inserted.length, paraphrases: paraphrased.cases.length, droppedParaphrases: paraphrased.dropped },
    });
    return { id: dataset.id, name: dataset.name, cases: inserted.length, paraphrases: paraphrased.cases.length, droppedParaphrases: paraphrased.dropped };
  });
}
