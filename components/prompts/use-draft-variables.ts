"use client";

import { useEffect, useMemo, useState } from "react";
import { draftVariablesAction } from "@/lib/serving/actions";
import type { PromptVariables } from "@/lib/core/templates";

/** What a draft's variables are asked for with: a text prompt's template or a chat prompt's messages. */
export type DraftBody = { type: "text"; template: string } | { type: "chat"; messages: { role: "system" | "user" | "assistant"; content: string }[] };

// Long enough not to ask on every keystroke, short enough that a bad partial is underlined as the author pauses.
const DEBOUNCE_MS = 300;
const NONE: PromptVariables = { variables: [], problems: [] };

/**
 * The server's reading of a draft's partials: their variables and problems. It alone can load other prompts, so it
 * is asked (debounced) whenever the draft changes; until it answers, the last answer stands. `initial` is the answer
 * for the body the component starts with, read by the page's loader, so nothing is asked on load.
 */
export function useDraftVariables({ promptId, body, initial }: { promptId: string; body: DraftBody | null; initial: PromptVariables | null }): PromptVariables {
  const key = useMemo(() => (body ? JSON.stringify(body) : null), [body]);
  const [known, setKnown] = useState<{ key: string | null; result: PromptVariables }>(() => ({ key: initial ? key : null, result: initial ?? NONE }));

  useEffect(() => {
    if (!body || key === null || known.key === key) return;
    let current = true;
    const timer = setTimeout(() => {
      void draftVariablesAction({ promptId, body }).then(
        (answer) => {
          if (current && answer.ok) setKnown({ key, result: answer.data });
        },
        // Offline or a refused body: keep the last answer; the render says what is wrong when the draft runs.
        () => undefined,
      );
    }, DEBOUNCE_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [promptId, body, key, known.key]);

  return body ? known.result : NONE;
}
