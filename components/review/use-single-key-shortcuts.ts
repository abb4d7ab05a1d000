"use client";

import { useCallback, useSyncExternalStore } from "react";

// Whether the rating screen's single-character shortcuts are on, per signed-in user, kept in this browser's
// localStorage (the choice is about the keyboard and speech setup in front of the reviewer). On unless turned off.

const storageKey = (userId: string) => `promptops:review:single-key-shortcuts:${userId}`;
const listeners = new Set<() => void>();
/** This page's own choices, so a choice holds even where storage refuses writes (private mode, quota). */
const chosen = new Map<string, boolean>();

function notify() {
  for (const listener of listeners) listener();
}

function onStorage(event: StorageEvent) {
  // Another tab changed it: storage is the truth again.
  chosen.clear();
  if (event.key === null || event.key.startsWith("promptops:review:single-key-shortcuts:")) notify();
}

function subscribe(listener: () => void) {
  if (listeners.size === 0) window.addEventListener("storage", onStorage);
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0) window.removeEventListener("storage", onStorage);
  };
}

function readOn(userId: string): boolean {
  const own = chosen.get(userId);
  if (own !== undefined) return own;
  try {
    return window.localStorage.getItem(storageKey(userId)) !== "off";
  } catch {
    return true;
  }
}

export function useSingleKeyShortcuts(userId: string): [on: boolean, setOn: (on: boolean) => void] {
  const on = useSyncExternalStore(
    subscribe,
    () => readOn(userId),
    () => true,
  );
  const setOn = useCallback(
    (value: boolean) => {
      chosen.set(userId, value);
      try {
        window.localStorage.setItem(storageKey(userId), value ? "on" : "off");
      } catch {
        // Not kept across visits then; it still holds on this page.
      }
      notify();
    },
    [userId],
  );
  return [on, setOn];
}
