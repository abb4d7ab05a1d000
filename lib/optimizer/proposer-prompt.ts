// What the proposer model is asked, and how its answer is read. The same text goes to a real model and to the
// offline proposer (lib/platform/models/offline-proposer.ts), which reads the tags; a real model reads the prose.
// Everything shown is bounded, so a dataset of long cases cannot make the request unbounded.
import { OFFLINE_PROPOSER_MARKER } from "@/lib/platform/models/offline-proposer";
import type { CandidateContent } from "./check-candidate";
import type { ProposeRequest } from "./types";

const MAX_SHOWN_CHARS = 2_000;
const MAX_TRIED = 12;
/** At most this many candidates are read from one answer, whatever the model wrote. */
export const MAX_PROPOSALS = 8;

const clip = (text: string) => (text.length > MAX_SHOWN_CHARS ? `${text.slice(0, MAX_SHOWN_CHARS)}…` : text);

/** The text a candidate rewrites: a text prompt's template, a chat prompt's first message. */
export const rewritableText = (content: CandidateContent): string => content.template ?? content.messages?.[0]?.content ?? "";

const inputOf = (variables: Record<string, string>) =>
  Object.entries(variables)
    .map(([name, value]) => `${name}: ${value}`)
    .join("\n");

export function proposerPrompt({ best, tried, failures, count }: ProposeRequest): string {
  return [
    OFFLINE_PROPOSER_MARKER,
    "Below are the best versions of the prompt so far with their scores, prompts already tried, and cases the best prompt got wrong.",
    `Write ${count} new versions of the prompt that would get more cases right. Keep every {{variable}} and {{> partial}} tag exactly as it is.`,
    "Answer with each new prompt inside <candidate></candidate> and nothing else.",
    ...best.map((b) => `Score ${b.trainScore.toFixed(3)}:\n<prompt>${rewritableText(b.content)}</prompt>`),
    ...tried.slice(0, MAX_TRIED).map((t) => `Score ${t.trainScore.toFixed(3)}:\n<tried>${rewritableText(t.content)}</tried>`),
    ...failures.map((f) => `<failure><input>${clip(inputOf(f.variables))}</input><expected>${clip(f.expected ?? "")}</expected><output>${clip(f.output)}</output></failure>`),
    `<count>${count}</count>`,
  ].join("\n");
}

/** The candidates of a proposer's answer, in order; found with indexOf, never a regex (the answer is untrusted). */
export function readProposals(answer: string): string[] {
  const found: string[] = [];
  const [open, close] = ["<candidate>", "</candidate>"];
  for (let at = answer.indexOf(open); at >= 0 && found.length < MAX_PROPOSALS; ) {
    const end = answer.indexOf(close, at + open.length);
    if (end < 0) break;
    const text = answer.slice(at + open.length, end).trim();
    if (text.length > 0) found.push(text);
    at = answer.indexOf(open, end + close.length);
  }
  return found;
}
