// The editor's unsaved draft, kept in sessionStorage per prompt so the Playground tab (and /playground) can run it
// and the editor gets it back after visiting another tab. Per browser tab and never sent anywhere until a run
// sends it. Client-safe; every function is a no-op on the server.
import type { PromptContent } from "@/lib/core/vocabulary/prompt-content";

export interface StoredDraft {
  /** The version the draft started from; null for a prompt with no versions yet. */
  baseVersion: number | null;
  content: PromptContent;
}

const PREFIX = "promptops:draft:";
/** Fired on window when this tab changes a draft (the storage event only reaches other tabs). */
export const DRAFT_CHANGE_EVENT = "promptops:draft-change";

const storageKey = (promptId: string) => `${PREFIX}${promptId}`;

function storage(): Storage | null {
  try {
    return typeof window === "undefined" ? null : window.sessionStorage;
  } catch {
    return null; // storage disabled by the browser
  }
}

export function readDraftRaw(promptId: string): string | null {
  return storage()?.getItem(storageKey(promptId)) ?? null;
}

export function parseStoredDraft(raw: string | null): StoredDraft | null {
  if (!raw) return null;
  try {
    const value = JSON.parse(raw) as Partial<StoredDraft>;
    const content = value.content;
    if (!content || (content.type !== "text" && content.type !== "chat") || typeof content.modelConfig !== "object") return null;
    if (content.type === "text" ? typeof content.template !== "string" : !Array.isArray(content.messages)) return null;
    return { baseVersion: typeof value.baseVersion === "number" ? value.baseVersion : null, content };
  } catch {
    return null;
  }
}

export function readDraft(promptId: string): StoredDraft | null {
  return parseStoredDraft(readDraftRaw(promptId));
}

export function writeDraft(promptId: string, draft: StoredDraft): void {
  const store = storage();
  if (!store) return;
  const raw = JSON.stringify(draft);
  if (store.getItem(storageKey(promptId)) === raw) return;
  try {
    store.setItem(storageKey(promptId), raw);
  } catch {
    return; // over quota: the draft stays in the editor only
  }
  window.dispatchEvent(new Event(DRAFT_CHANGE_EVENT));
}

export function clearDraft(promptId: string): void {
  const store = storage();
  if (!store || store.getItem(storageKey(promptId)) === null) return;
  store.removeItem(storageKey(promptId));
  window.dispatchEvent(new Event(DRAFT_CHANGE_EVENT));
}

/** For useSyncExternalStore: calls back when any draft changes, in this tab or another. */
export function subscribeToDrafts(onChange: () => void): () => void {
  window.addEventListener("storage", onChange);
  window.addEventListener(DRAFT_CHANGE_EVENT, onChange);
  return () => {
    window.removeEventListener("storage", onChange);
    window.removeEventListener(DRAFT_CHANGE_EVENT, onChange);
  };
}
