// Turns an LLM judge's reply into a verdict. Judges are asked for {"pass": boolean, "score": 0..1, "reason": string}
// but real models wrap it in prose or a ```json fence, use other key names, or grade on 1–5 / 0–10. What is read:
// - the first JSON object in the reply that has a verdict key (pass, passed, verdict, result) or a score;
// - pass: a boolean, or "pass"/"fail"/"yes"/"no"/"true"/"false" as a string;
// - score: 0..1 as given; "7/10" or a number above 1 with `scale`/`max`/`out_of` is divided by it; otherwise a
//   number in (1, 5] is read as a 1–5 grade and one in (5, 10] as 0–10. Anything else is unparseable;
// - with only a score, it passes at `threshold` (0.5 unless the scorer sets one); with only pass, score = 1 or 0;
// - no JSON at all: a reply whose first word is PASS or FAIL (optionally followed by a reason) is accepted.
// Everything else is an error verdict quoting the start of the reply, never a silent pass.

import { extractJsonObjects } from "./json";
import type { ScoreVerdict } from "./config";

const QUOTE_CHARS = 120;

export function quoteReply(reply: string): string {
  const flat = reply.replace(/\s+/g, " ").trim();
  return flat.length > QUOTE_CHARS ? `"${flat.slice(0, QUOTE_CHARS)}…"` : `"${flat}"`;
}

function readPass(value: unknown): boolean | undefined {
  if (typeof value === "boolean") return value;
  if (typeof value !== "string") return undefined;
  const word = value.trim().toLowerCase();
  if (["pass", "passed", "yes", "true", "correct"].includes(word)) return true;
  if (["fail", "failed", "no", "false", "incorrect"].includes(word)) return false;
  return undefined;
}

function readScore(value: unknown, scale: unknown): number | undefined {
  if (typeof value === "string") {
    const fraction = /^\s*(-?\d+(?:\.\d+)?)\s*\/\s*(\d+(?:\.\d+)?)\s*$/.exec(value);
    if (fraction) return readScore(Number(fraction[1]), Number(fraction[2]));
    if (!/^\s*-?\d+(?:\.\d+)?\s*$/.test(value)) return undefined;
    value = Number(value);
  }
  if (typeof value !== "number" || !Number.isFinite(value) || value < 0) return undefined;
  if (typeof scale === "number" && scale > 0) return value <= scale ? value / scale : undefined;
  if (value <= 1) return value;
  if (value <= 5) return (value - 1) / 4;
  if (value <= 10) return value / 10;
  return undefined;
}

const PASS_KEYS = ["pass", "passed", "verdict", "result"];
const SCORE_KEYS = ["score", "rating", "grade"];
const REASON_KEYS = ["reason", "explanation", "rationale", "reasoning", "comment"];

function firstKey(record: Record<string, unknown>, keys: string[]): unknown {
  for (const key of keys) {
    const hit = Object.keys(record).find((k) => k.toLowerCase() === key);
    if (hit !== undefined) return record[hit];
  }
  return undefined;
}

export function parseJudgeVerdict(reply: string, threshold = 0.5): ScoreVerdict {
  const candidates = extractJsonObjects(reply).filter((v): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v));
  for (const record of candidates) {
    const rawPass = firstKey(record, PASS_KEYS);
    const rawScore = firstKey(record, SCORE_KEYS);
    if (rawPass === undefined && rawScore === undefined) continue;
    const pass = readPass(rawPass);
    const score = readScore(rawScore, firstKey(record, ["scale", "max", "out_of"]));
    if ((rawPass !== undefined && pass === undefined) || (rawScore !== undefined && score === undefined)) {
      return { score: null, passed: false, reason: `The judge's verdict could not be read: ${quoteReply(reply)}`, error: true };
    }
    const reasonValue = firstKey(record, REASON_KEYS);
    const reason = typeof reasonValue === "string" && reasonValue.trim() ? reasonValue.trim() : "The judge gave no reason.";
    const passed = pass ?? (score as number) >= threshold;
    return { score: score ?? (passed ? 1 : 0), passed, reason };
  }
  const bare = /^\s*\**\s*(PASS|FAIL)\b\**[\s:.\-–—]*([\s\S]*)$/i.exec(reply);
  if (bare) {
    const passed = bare[1]!.toUpperCase() === "PASS";
    return { score: passed ? 1 : 0, passed, reason: bare[2]!.trim() || "The judge gave no reason." };
  }
  return { score: null, passed: false, reason: `The judge's reply has no verdict: ${quoteReply(reply)}`, error: true };
}
