// Deterministic long texts with scattered edits, for the large-diff test and the benchmark. Every line
// is unique, so the expected line counts are exact whatever alignment Myers picks.

const WORDS = ["answer", "the", "customer", "politely", "and", "cite", "policy", "when", "refunds", "apply", "never", "invent", "details"];

export interface SyntheticTextPair {
  before: string;
  after: string;
  expected: { linesAdded: number; linesRemoved: number };
}

/** `changes` edits spread evenly, in turn rewriting a word mid-line, deleting a line and inserting one. */
export function syntheticTextPair({ lines, changes, seed = 1 }: { lines: number; changes: number; seed?: number }): SyntheticTextPair {
  const random = mulberry32(seed);
  const line = (n: number) => `${n}: ${Array.from({ length: 8 + Math.floor(random() * 10) }, () => WORDS[Math.floor(random() * WORDS.length)]).join(" ")}`;
  const before = Array.from({ length: lines }, (_, i) => line(i + 1));
  const after: string[] = [];
  const step = Math.max(2, Math.floor(lines / Math.max(1, changes)));
  let linesAdded = 0;
  let linesRemoved = 0;
  let made = 0;
  before.forEach((text, i) => {
    if (made >= changes || i % step !== 1) {
      after.push(text);
      return;
    }
    made++;
    const kind = made % 3;
    if (kind === 0) {
      after.push(text, `inserted ${i}: ${line(i)}`);
      linesAdded++;
    } else if (kind === 1) {
      const words = text.split(" ");
      words.splice(Math.ceil(words.length / 2), 1, "rewritten");
      after.push(words.join(" "));
      linesAdded++;
      linesRemoved++;
    } else {
      linesRemoved++;
    }
  });
  return { before: before.join("\n"), after: after.join("\n"), expected: { linesAdded, linesRemoved } };
}

function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
