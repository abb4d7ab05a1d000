"use client";

import { useEffect } from "react";

const QUESTION = "You have unsaved changes. Leave without saving?";

/**
 * Asks before leaving with unsaved changes: the browser's own prompt for reloads and closing the tab, and a
 * confirm for in-app links (the App Router has no navigation-blocking API, so link clicks are caught here).
 * Links to another tab of the same page (Playground, History) pass: the draft is kept in sessionStorage
 * (lib/prompts/draft-store.ts), so the Playground can run it and the editor offers it back.
 */
export function useUnsavedChangesGuard(dirty: boolean) {
  useEffect(() => {
    if (!dirty) return;
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      event.preventDefault();
    };
    const onClick = (event: MouseEvent) => {
      const link = (event.target as Element | null)?.closest?.("a[href]");
      if (!link || link.getAttribute("target") === "_blank" || event.defaultPrevented) return;
      const url = new URL((link as HTMLAnchorElement).href, window.location.href);
      if (url.origin !== window.location.origin || url.pathname === window.location.pathname) return;
      if (!window.confirm(QUESTION)) {
        event.preventDefault();
        event.stopPropagation();
      }
    };
    window.addEventListener("beforeunload", onBeforeUnload);
    document.addEventListener("click", onClick, true);
    return () => {
      window.removeEventListener("beforeunload", onBeforeUnload);
      document.removeEventListener("click", onClick, true);
    };
  }, [dirty]);
}
