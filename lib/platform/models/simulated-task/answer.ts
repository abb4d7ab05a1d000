// The simulated task model: how well it triages a ticket depends on documented properties of the prompt, with seeded
// noise, so an optimizer's gains are real gains on a task with a known answer, and reproducible. Not a language model.
//
// The ticket to answer is the LAST ticket in the prompt ("[T-0042] ..."); tickets before it are demonstrations. The
// chance of answering it right starts at 0.30 and grows with what the prompt does:
//   + 0.25 x the share of the four labels the prompt names outside the tickets ("billing, bug, feature or praise");
//   + 0.15 when it constrains the answer's form ("Answer with the label only", "one word", "nothing else");
//   + 0.20 x the share of labels with a correct demonstration (a ticket followed by its true label).
// So a bare "Classify: {{ticket}}" scores about 30% and a prompt doing all three about 90%. A right answer is the
// label alone; a wrong one is another label (when the form is constrained) or a sentence, which an exact-match
// scorer fails. Whether a case is answered right is a draw: 60% the case's own difficulty (its id and the seed) and
// 40% the prompt's wording, so two prompts of equal quality still disagree on some cases, as real models do.
//
// The null task model ignores the prompt entirely: its answer depends on the ticket and the seed alone, so every
// prompt gets the same answers and no comparison can find a difference.
import { unitHash } from "@/lib/core/hash";
import { TICKET_ID, TICKET_LABELS, ticketLabel, type TicketLabel } from "./task";

export const BASE_ACCURACY = 0.3;
export const NULL_TASK_ACCURACY = 0.6;

export interface PromptTraits {
  /** The ticket to answer: its id and text, or null when the prompt holds no ticket. */
  query: { id: string; text: string } | null;
  labelsNamed: number;
  constrainsForm: boolean;
  labelsDemonstrated: number;
}

const FORM = /\b(only|just|exactly)\b[^.\n]{0,40}\b(label|word|category|class)\b|\b(label|word|category|class) only\b|\bnothing else\b|\bone word\b|\bsingle word\b/i;

interface Segment {
  id: string;
  /** The ticket's own line. */
  text: string;
  /** What follows the ticket up to the next one: a demonstration's answer is here. */
  after: string;
}

function segments(prompt: string): { segments: Segment[]; outside: string } {
  const found = [...prompt.matchAll(TICKET_ID)];
  const result: Segment[] = [];
  let outside = found.length > 0 ? prompt.slice(0, found[0]!.index) : prompt;
  found.forEach((match, i) => {
    const start = match.index!;
    const end = i + 1 < found.length ? found[i + 1]!.index! : prompt.length;
    const lineEnd = prompt.indexOf("\n", start);
    const textEnd = lineEnd < 0 || lineEnd > end ? end : lineEnd;
    const after = prompt.slice(textEnd, end);
    result.push({ id: `T-${match[1]}`, text: prompt.slice(start, textEnd), after });
    outside += after;
  });
  return { segments: result, outside };
}

const named = (text: string, label: TicketLabel) => new RegExp(`\\b${label}\\b`, "i").test(text);

/** What the prompt does that the simulated model rewards. `prompt` is every message's text, in order. */
export function promptTraits(prompt: string): PromptTraits {
  const { segments: found, outside } = segments(prompt);
  const query = found.at(-1) ?? null;
  const demonstrated = new Set<TicketLabel>();
  for (const segment of found.slice(0, -1)) {
    const truth = ticketLabel(segment.text);
    // The first label word after a demonstration's ticket is its answer; only a right one teaches anything.
    const answer = TICKET_LABELS.map((label) => ({ label, at: segment.after.search(new RegExp(`\\b${label}\\b`, "i")) }))
      .filter(({ at }) => at >= 0)
      .sort((a, b) => a.at - b.at)[0];
    if (answer?.label === truth) demonstrated.add(truth);
  }
  return {
    query: query && { id: query.id, text: query.text },
    labelsNamed: TICKET_LABELS.filter((label) => named(outside, label)).length / TICKET_LABELS.length,
    constrainsForm: FORM.test(outside),
    labelsDemonstrated: demonstrated.size / TICKET_LABELS.length,
  };
}

export function simulatedAccuracy(traits: PromptTraits): number {
  return BASE_ACCURACY + 0.25 * traits.labelsNamed + (traits.constrainsForm ? 0.15 : 0) + 0.2 * traits.labelsDemonstrated;
}

const CASE_SHARE = 0.6;
const WORDING_SHARE = 1 - CASE_SHARE;

/**
 * 0.6 x the case's draw + 0.4 x the wording's, mapped back to a uniform number in [0, 1) through the sum's own
 * distribution (a trapezoid), so "accuracy 0.30" means 30% of cases answered right, not fewer.
 */
export function uniformMix(caseDraw: number, wordingDraw: number): number {
  const z = CASE_SHARE * caseDraw + WORDING_SHARE * wordingDraw;
  const area = 2 * CASE_SHARE * WORDING_SHARE;
  if (z <= WORDING_SHARE) return (z * z) / area;
  if (z <= CASE_SHARE) return (z - WORDING_SHARE / 2) / CASE_SHARE;
  return 1 - ((1 - z) * (1 - z)) / area;
}

function wrongLabel(truth: TicketLabel, draw: number): TicketLabel {
  const others = TICKET_LABELS.filter((label) => label !== truth);
  return others[Math.floor(draw * others.length)]!;
}

/** The simulated task model's answer to a prompt; `seed` is the call's seed (0 when not given). */
export function simulatedAnswer(prompt: string, { seed = 0, nullTask = false }: { seed?: number; nullTask?: boolean } = {}): string {
  const traits = promptTraits(prompt);
  if (!traits.query) return "I can only triage support tickets: there is no ticket in this prompt.";
  const truth = ticketLabel(traits.query.text);
  const caseDraw = unitHash(`${seed}:${traits.query.id}`);
  if (nullTask) return caseDraw < NULL_TASK_ACCURACY ? truth : wrongLabel(truth, unitHash(`${seed}:${traits.query.id}:wrong`));
  // The prompt's share of the draw hashes the prompt without the ticket, so one wording meets each case the same way.
  const wording = prompt.replace(traits.query.text, "");
  const draw = uniformMix(caseDraw, unitHash(`${seed}:${traits.query.id}:${wording}`));
  if (draw < simulatedAccuracy(traits)) return truth;
  const wrong = wrongLabel(truth, unitHash(`${seed}:${wording}:${traits.query.id}:wrong`));
  return traits.constrainsForm ? wrong : `This looks like a ${wrong} ticket to me.`;
}
