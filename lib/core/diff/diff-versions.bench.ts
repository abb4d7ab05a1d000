// Run with `npx vitest bench lib/core/diff`. Target: well under 200 ms per 5,000-line diff on a slow 2-core machine.
import { bench, describe } from "vitest";
import { diffText } from "./diff-text";
import { diffVersions } from "./diff-versions";
import { syntheticTextPair } from "./synthetic-text";

const scattered = syntheticTextPair({ lines: 5_000, changes: 300 });
const unrelatedBefore = Array.from({ length: 5_000 }, (_, i) => `old line ${i}`).join("\n");
const unrelatedAfter = Array.from({ length: 5_000 }, (_, i) => `new line ${i}`).join("\n");
const reordered = scattered.before.split("\n").reverse().join("\n");

describe("5,000-line versions", () => {
  bench("diffText, 300 scattered edits", () => {
    diffText({ before: scattered.before, after: scattered.after });
  });

  bench("diffVersions, 300 scattered edits", () => {
    diffVersions({
      before: { type: "text", template: scattered.before, messages: null, modelConfig: { temperature: 0.2 } },
      after: { type: "text", template: scattered.after, messages: null, modelConfig: { temperature: 0.7 } },
    });
  });

  bench("diffText, nothing in common (falls back to a whole replacement)", () => {
    diffText({ before: unrelatedBefore, after: unrelatedAfter });
  });

  bench("diffText, same lines reversed (Myers gives up at the edit cap)", () => {
    diffText({ before: scattered.before, after: reordered });
  });
});
