#!/usr/bin/env node
// `promptops`: the studio's command line for CI. Plain Node ESM (Node >= 20), no dependencies and no build step.
//   npx promptops eval --prompt support/triage --label staging --dataset smoke --min-pass-rate 0.9
//   npx promptops optimize --prompt support/triage --dataset labelled (bin/optimize.mjs)
//   npx promptops lint prompts/ --sarif lint.sarif, or --workspace (bin/lint.mjs)
// eval exit codes: 0 = pass rate >= threshold, 1 = below it (or no case scored), 2 = any error (arguments, auth,
// network, a failed run). The pass rate is the studio's: passed / scored cases; cases with no scorer are reported as unscored.

import { writeFile } from "node:fs/promises";
import { parseArgs } from "node:util";
import { CliError, api, connection, integer, pct, table, usd } from "./cli-common.mjs";
import { LINT_HELP, LINT_OPTIONS, runLint } from "./lint.mjs";
import { OPTIMIZE_HELP, OPTIMIZE_OPTIONS, runOptimize } from "./optimize.mjs";

const HELP = `Usage: promptops eval [options]

Starts an evaluation of a prompt version on a dataset in a running PromptOps Studio, follows its progress,
prints a summary and exits 0 when the pass rate reaches the threshold, 1 when it does not, 2 on any error.
The pass rate is passed / scored cases (a case passes when all its scorers pass). Cases with no scorer are
unscored: counted apart, never as passes; a run that scored no case at all exits 1.

Options:
  --prompt <name>          Prompt name, e.g. support/triage (required)
  --dataset <name>         Dataset name (required)
  --label <label>          Environment slug (what it serves now) or "latest"; default "production"
  --version <n>            A version number instead of a label
  --min-pass-rate <rate>   Threshold, 0..1 (or a percentage such as 90%); default 1 (every case must pass)
  --model <id>             One model for the run (default: the version's own), e.g. openai:gpt-4o-mini
  --concurrency <n>        Model calls in flight, 1..32 (default 4)
  --name <text>            A name for the run
  --url <url>              Studio URL (default http://localhost:3000, or PROMPTOPS_URL)
  --api-key <key>          A read-write API key (default: PROMPTOPS_API_KEY)
  --json <file>            Write the run, its summary and every result as JSON
  --junit <file>           Write JUnit XML: one testcase per case and version, failures with scorer reasons
  --poll-interval <ms>     How often to check progress (default 1000)
  -h, --help               Show this help
`;

const EVAL_OPTIONS = {
      prompt: { type: "string" },
      dataset: { type: "string" },
      label: { type: "string" },
      version: { type: "string" },
      "min-pass-rate": { type: "string" },
      model: { type: "string" },
      concurrency: { type: "string" },
      name: { type: "string" },
      url: { type: "string" },
      "api-key": { type: "string" },
      json: { type: "string" },
      junit: { type: "string" },
      "poll-interval": { type: "string" },
      help: { type: "boolean", short: "h" },
};

const COMMANDS = {
  eval: { options: EVAL_OPTIONS, help: HELP, run: (values) => runEval(values) },
  optimize: { options: OPTIMIZE_OPTIONS, help: OPTIMIZE_HELP, run: (values) => runOptimize(values) },
  lint: { options: LINT_OPTIONS, help: LINT_HELP, run: (values, positionals) => runLint(values, positionals), positionals: true },
};

const ALL_HELP = `${HELP}\n${OPTIMIZE_HELP}\n${LINT_HELP}`;

/** The command is the first argument; its own options follow (eval's --json names a file, optimize's is a switch). */
function parseCli(argv) {
  const command = argv[0] !== undefined && !argv[0].startsWith("-") ? argv[0] : undefined;
  const options = COMMANDS[command]?.options ?? { help: { type: "boolean", short: "h" } };
  const { values, positionals } = parseArgs({ args: command ? argv.slice(1) : argv, options, allowPositionals: COMMANDS[command]?.positionals === true });
  return { command, values, positionals };
}

function passRateThreshold(value) {
  if (value === undefined) return 1;
  const percent = value.endsWith("%");
  const n = Number(percent ? value.slice(0, -1) : value);
  const rate = percent ? n / 100 : n;
  if (!Number.isFinite(rate) || rate < 0 || rate > 1) throw new CliError("--min-pass-rate must be between 0 and 1 (or 0% and 100%).");
  return rate;
}

function evalOptions(values) {
  if (!values.prompt) throw new CliError("--prompt is required.");
  if (!values.dataset) throw new CliError("--dataset is required.");
  if (values.label !== undefined && values.version !== undefined) throw new CliError("Give --label or --version, not both.");
  return {
    ...connection(values),
    threshold: passRateThreshold(values["min-pass-rate"]),
    pollMs: integer(values["poll-interval"], "poll-interval", { min: 50, max: 60_000 }) ?? 1000,
    body: {
      prompt: values.prompt,
      dataset: values.dataset,
      ...(values.version !== undefined ? { version: integer(values.version, "version", { min: 1, max: 1e9 }) } : { label: values.label ?? "production" }),
      ...(values.model ? { model: values.model } : {}),
      ...(values.concurrency ? { concurrency: integer(values.concurrency, "concurrency", { min: 1, max: 32 }) } : {}),
      ...(values.name ? { name: values.name } : {}),
      source: "cli",
    },
    jsonFile: values.json,
    junitFile: values.junit,
  };
}

const ms = (v) => (v === null || v === undefined ? "—" : v < 1000 ? `${Math.round(v)} ms` : `${(v / 1000).toFixed(2)} s`);
const eta = (s) => (s === null || s === undefined ? "estimating…" : s < 60 ? `${s} s` : `${Math.floor(s / 60)} min ${s % 60} s`);

function progressLine(run) {
  const { done, total, errors, etaSeconds } = run.progress;
  const width = 24;
  const filled = total > 0 ? Math.round((done / total) * width) : width;
  return `[${"#".repeat(filled)}${"-".repeat(width - filled)}] ${done}/${total} cases · ${errors} errors · ${run.status}${run.status === "running" ? ` · ETA ${eta(etaSeconds)}` : ""}`;
}

async function follow(options, id) {
  const tty = process.stderr.isTTY;
  let lastPrinted = 0;
  let lastDone = -1;
  for (;;) {
    const run = await api(options, "GET", `/evals/runs/${encodeURIComponent(id)}`);
    const finished = ["completed", "failed", "cancelled"].includes(run.status);
    if (tty) {
      process.stderr.write(`\r\x1b[2K${progressLine(run)}`);
      if (finished) process.stderr.write("\n");
    } else if (finished || (run.progress.done !== lastDone && Date.now() - lastPrinted >= 5_000)) {
      process.stderr.write(`${progressLine(run)}\n`);
      lastPrinted = Date.now();
      lastDone = run.progress.done;
    }
    if (finished) return run;
    await new Promise((resolve) => setTimeout(resolve, options.pollMs));
  }
}

async function allResults(options, id) {
  const items = [];
  for (let page = 1; ; page++) {
    const data = await api(options, "GET", `/evals/runs/${encodeURIComponent(id)}/results?page=${page}&pageSize=200`);
    items.push(...data.items);
    if (items.length >= data.total || data.items.length === 0) return items;
  }
}

function printSummary(run, threshold) {
  const s = run.summary;
  const lines = [
    "",
    `${run.name}  (${run.status})`,
    table([
      ["Pass rate", pct(s.passRate), `threshold ${pct(threshold)}`],
      ["Passed / failed / errors", `${s.passed} / ${s.failed} / ${s.errors}`, ""],
      ...(s.unscored > 0 ? [["Unscored (no scorer)", String(s.unscored), "not in the pass rate"]] : []),
      ["Cost", usd(s.costUsd), ""],
      ["Latency p50 / p95", `${ms(s.latencyP50Ms)} / ${ms(s.latencyP95Ms)}`, ""],
    ]),
  ];
  if (s.scorers.length > 0) {
    lines.push("", table([["Scorer", "Pass rate", "Mean score"], ...s.scorers.map((x) => [x.label, pct(x.passRate), x.meanScore === null ? "—" : x.meanScore.toFixed(2)])]));
  }
  console.log(lines.join("\n"));
}

const xml = (text) =>
  String(text)
    // Characters XML 1.0 cannot carry at all.
    .replace(/[^\u0009\u000a\u000d\u0020-\ud7ff\ue000-\ufffd]/gu, "")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;");

export function junitXml(run, results) {
  const failures = results.filter((r) => r.status === "failed").length;
  const errors = results.filter((r) => r.status === "error").length;
  const skipped = results.filter((r) => r.status === "unscored").length;
  const time = results.reduce((sum, r) => sum + (r.latencyMs ?? 0), 0) / 1000;
  const cases = results.map((r) => {
    const vars = Object.entries(r.variables).map(([k, v]) => `${k}=${v}`).join(", ");
    const name = `case ${r.case}${vars ? `: ${vars.length > 120 ? `${vars.slice(0, 117)}...` : vars}` : ""}`;
    const classname = `${run.prompt} v${r.version}${r.environment ? ` (${r.environment})` : ""}`;
    const open = `    <testcase classname="${xml(classname)}" name="${xml(name)}" time="${((r.latencyMs ?? 0) / 1000).toFixed(3)}"`;
    if (r.status === "passed") return `${open}/>`;
    if (r.status === "unscored") return `${open}>\n      <skipped message="unscored: the case has no scorer"/>\n    </testcase>`;
    const reasons = r.scores.filter((s) => !s.passed).map((s) => `${s.key}: ${s.reason}`);
    if (r.status === "error") {
      const message = r.error ?? reasons[0] ?? "error";
      return `${open}>\n      <error message="${xml(message)}">${xml([message, ...reasons].join("\n"))}</error>\n    </testcase>`;
    }
    return `${open}>\n      <failure message="${xml(reasons[0] ?? "failed")}">${xml([...reasons, "", `Output: ${r.output}`].join("\n"))}</failure>\n    </testcase>`;
  });
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="promptops" tests="${results.length}" failures="${failures}" errors="${errors}" skipped="${skipped}" time="${time.toFixed(3)}">`,
    `  <testsuite name="${xml(run.name)}" tests="${results.length}" failures="${failures}" errors="${errors}" skipped="${skipped}" time="${time.toFixed(3)}">`,
    ...cases,
    "  </testsuite>",
    "</testsuites>",
    "",
  ].join("\n");
}

async function runEval(values) {
  const options = evalOptions(values);
  const started = await api(options, "POST", "/evals/runs", options.body);
  process.stderr.write(`Started ${started.name} (${started.progress.total} cases): ${options.url}/evaluations/${started.id}\n`);
  const run = await follow(options, started.id);
  printSummary(run, options.threshold);
  if (options.jsonFile || options.junitFile) {
    const results = await allResults(options, run.id);
    if (options.jsonFile) await writeFile(options.jsonFile, `${JSON.stringify({ run, threshold: options.threshold, results }, null, 2)}\n`);
    if (options.junitFile) await writeFile(options.junitFile, junitXml(run, results));
  }
  if (run.status !== "completed") throw new CliError(`The evaluation ${run.status}${run.errorMessage ? `: ${run.errorMessage}` : "."}`);
  const passRate = run.summary.passRate;
  // Nothing scored is not a pass at any threshold, not even 0: the run checked nothing.
  if (passRate === null) {
    console.log(`FAIL: no case was scored (${run.summary.unscored} unscored); add scorers to the run or assertions to the cases`);
    return 1;
  }
  if (passRate >= options.threshold) {
    console.log(`PASS: pass rate ${pct(passRate)} ≥ ${pct(options.threshold)}`);
    return 0;
  }
  console.log(`FAIL: pass rate ${pct(passRate)} < ${pct(options.threshold)}`);
  return 1;
}

async function main(argv) {
  let parsed;
  try {
    parsed = parseCli(argv);
  } catch (error) {
    process.stderr.write(`promptops: ${error.message}\n\n${COMMANDS[argv[0]]?.help ?? `${ALL_HELP}`}`);
    return 2;
  }
  const { command, values, positionals } = parsed;
  if (command === undefined || command === "help") {
    process.stdout.write(`${ALL_HELP}`);
    return command === undefined && !values.help ? 2 : 0;
  }
  if (!COMMANDS[command]) {
    process.stderr.write(`promptops: unknown command "${command}".\n\n${ALL_HELP}`);
    return 2;
  }
  if (values.help) {
    process.stdout.write(COMMANDS[command].help);
    return 0;
  }
  try {
    return await COMMANDS[command].run(values, positionals);
  } catch (error) {
    process.stderr.write(`promptops: ${error instanceof CliError ? error.message : `unexpected error: ${error?.stack ?? error}`}\n`);
    return 2;
  }
}

// Only when run as a program, so tests can import junitXml.
if (import.meta.url === `file://${process.argv[1]}` || process.argv[1]?.endsWith("promptops") || process.argv[1]?.endsWith("promptops.mjs")) {
  main(process.argv.slice(2)).then((code) => process.exit(code));
}
