// `promptops optimize`: starts an optimization through /api/v1/optimizations, follows it, and prints the leaderboard
// and the held-out verdict. Exit codes: 0 = completed, 1 = the optimization failed or was cancelled, 2 = any other
// error (arguments, auth, network, a refused request).
import { CliError, api, connection, integer, pct, table, usd } from "./cli-common.mjs";

export const OPTIMIZE_HELP = `Usage: promptops optimize [options]

Starts an optimization of a prompt version on a dataset in a running PromptOps Studio: candidate prompts are
proposed and scored on train and validation cases, and the best is checked against the baseline on held-out
cases it never saw. Prints progress while it runs, then the top 5 of the leaderboard and the held-out verdict.
Exits 0 when the optimization completed (whatever the verdict), 1 when it failed or was cancelled, 2 on any
other error. Save the best candidate as a new version in the studio, or with POST /api/v1/optimizations/{id}/save.

Options:
  --prompt <name>          Prompt name (required)
  --dataset <name>         Dataset name, at least 10 cases with expected outputs (required)
  --version <n>            The version to improve on (default: the latest)
  --strategy <s>           instruction, few-shot or both (default both)
  --metric <m>             "equals" (the output equals the expected output, trimmed; the default), or JSON:
                           a scorer object or an array of { "scorer": {…}, "weight": n }
  --task-model <id>        The model the prompt runs on (default: the version's own), e.g. offline:ticket-triage
  --proposer-model <id>    The model that proposes rewrites (default: the task model), e.g. offline:demo
  --candidates <n>         Budget: candidates scored (default 16, at most 200)
  --calls <n>              Budget: model calls (default 5000, at most 50000)
  --cost <usd>             Budget: dollars (default 5, at most 500)
  --minutes <n>            Budget: wall-clock minutes (default 30, at most 1440)
  --rounds <n>             Search rounds, 1..20 (default 4)
  --seed <n>               Same seed, same split and search (default: random, printed)
  --url <url>              Studio URL (default http://localhost:3000, or PROMPTOPS_URL)
  --api-key <key>          A read-write API key (default: PROMPTOPS_API_KEY)
  --json                   Print the final optimization (the API's JSON) instead of the summary
  --poll-interval <ms>     How often to check progress (default 1000)
  -h, --help               Show this help
`;

export const OPTIMIZE_OPTIONS = {
  prompt: { type: "string" },
  dataset: { type: "string" },
  version: { type: "string" },
  strategy: { type: "string" },
  metric: { type: "string" },
  "task-model": { type: "string" },
  "proposer-model": { type: "string" },
  candidates: { type: "string" },
  calls: { type: "string" },
  cost: { type: "string" },
  minutes: { type: "string" },
  rounds: { type: "string" },
  seed: { type: "string" },
  url: { type: "string" },
  "api-key": { type: "string" },
  json: { type: "boolean" },
  "poll-interval": { type: "string" },
  help: { type: "boolean", short: "h" },
};

const EQUALS = { key: "equals", type: "equals", label: "equals expected", params: { trim: true } };
const STRATEGIES = ["instruction", "few-shot", "both"];
const WRITES = "start, cancel or save optimizations";

function metricOf(value) {
  if (value === undefined || value === "equals") return [{ scorer: EQUALS, weight: 1 }];
  if (!/^[[{]/.test(value.trim())) throw new CliError(`--metric must be "equals" or JSON (a scorer, or [{ "scorer": {…}, "weight": n }]), not "${value}".`);
  let parsed;
  try {
    parsed = JSON.parse(value);
  } catch {
    throw new CliError("--metric is not valid JSON.");
  }
  return Array.isArray(parsed) ? parsed : [{ scorer: parsed, weight: 1 }];
}

function positive(value, name, max) {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0 || n > max) throw new CliError(`--${name} must be a number above 0 and at most ${max}.`);
  return n;
}

function optimizeOptions(values) {
  if (!values.prompt) throw new CliError("--prompt is required.");
  if (!values.dataset) throw new CliError("--dataset is required.");
  if (values.strategy !== undefined && !STRATEGIES.includes(values.strategy)) throw new CliError(`--strategy must be one of ${STRATEGIES.join(", ")}.`);
  const budget = {
    candidates: integer(values.candidates, "candidates", { min: 1, max: 200 }),
    modelCalls: integer(values.calls, "calls", { min: 1, max: 50_000 }),
    costUsd: positive(values.cost, "cost", 500),
    wallMinutes: positive(values.minutes, "minutes", 1440),
  };
  const given = (object) => Object.fromEntries(Object.entries(object).filter(([, v]) => v !== undefined));
  return {
    ...connection(values),
    json: values.json === true,
    pollMs: integer(values["poll-interval"], "poll-interval", { min: 50, max: 60_000 }) ?? 1000,
    body: given({
      prompt: values.prompt,
      dataset: values.dataset,
      version: integer(values.version, "version", { min: 1, max: 1e9 }),
      strategy: values.strategy ?? "both",
      metric: metricOf(values.metric),
      taskModelId: values["task-model"],
      proposerModelId: values["proposer-model"],
      budget: given(budget),
      rounds: integer(values.rounds, "rounds", { min: 1, max: 20 }),
      seed: integer(values.seed, "seed", { min: 0, max: 2_147_483_647 }),
      source: "cli",
    }),
  };
}

function progressLine(run) {
  const p = run.progress;
  if (!p) return `${run.status} · starting`;
  const best = p.bestByRound.at(-1);
  return `round ${p.round}/${p.rounds} · best validation ${best ? pct(best.validation) : "—"} · ${p.spent.candidates} candidates · ${p.spent.modelCalls} calls · ${usd(p.spent.costUsd)}`;
}

async function follow(options, id) {
  let last = "";
  for (;;) {
    const run = await api(options, "GET", `/optimizations/${encodeURIComponent(id)}`, undefined, { writes: WRITES });
    const line = progressLine(run);
    if (line !== last && run.status !== "queued") process.stderr.write(`${line}\n`);
    last = line;
    if (["completed", "failed", "cancelled"].includes(run.status)) return run;
    await new Promise((resolve) => setTimeout(resolve, options.pollMs));
  }
}

const score = (v) => (v === null || v === undefined ? "—" : pct(v));

function printSummary(run) {
  const { heldOut } = run.outcome;
  const ranked = run.candidates.map((c, i) => ({ ...c, rank: i + 1 }));
  // The top 5, and the baseline at its rank when it is below them: the number every candidate is read against.
  const shown = [...ranked.slice(0, 5), ...ranked.slice(5).filter((c) => c.key === run.outcome.baselineKey)];
  const mark = (c) => [c.key === run.outcome.bestKey ? "best" : "", c.key === run.outcome.baselineKey ? "baseline" : ""].filter(Boolean).join(", ");
  const significance = heldOut.pValue !== null ? `p = ${heldOut.pValue.toPrecision(2)}` : heldOut.interval ? `95% CI ${heldOut.interval.low.toFixed(3)} to ${heldOut.interval.high.toFixed(3)}` : "";
  const lines = [
    "",
    `${run.prompt.name} v${run.baseVersion} on ${run.dataset.name}: ${run.strategy}, seed ${run.settings.seed}, stopped by ${run.outcome.stoppedBy}`,
    `Spent: ${run.outcome.spent.candidates} candidates · ${run.outcome.spent.modelCalls} model calls · ${usd(run.outcome.spent.costUsd)}`,
    "",
    table([
      ["#", "Candidate", "Origin", "Round", "Validation", "Train", "Held-out", ""],
      ...shown.map((c) => [String(c.rank), c.key.slice(0, 8), c.origin, String(c.round), score(c.validationScore), score(c.trainScore), score(c.heldOutScore), mark(c)]),
    ]),
    "",
    `Held-out (${heldOut.cases} cases): baseline ${pct(heldOut.baseline)} → best ${pct(heldOut.best)}`,
    `Verdict: ${heldOut.verdict} (${heldOut.test}${significance ? `, ${significance}` : ""})`,
  ];
  console.log(lines.join("\n"));
}

export async function runOptimize(values) {
  const options = optimizeOptions(values);
  const started = await api(options, "POST", "/optimizations", options.body, { writes: WRITES });
  process.stderr.write(`Started optimization ${started.id} of ${started.prompt.name} v${started.baseVersion} on ${started.dataset.name} (seed ${started.settings.seed}): ${options.url}/optimizations/${started.id}\n`);
  const run = await follow(options, started.id);
  if (options.json) console.log(JSON.stringify(run, null, 2));
  else if (run.status === "completed") printSummary(run);
  if (run.status === "completed") return 0;
  process.stderr.write(`promptops: the optimization ${run.status}${run.errorMessage ? `: ${run.errorMessage}` : "."}\n`);
  return 1;
}
