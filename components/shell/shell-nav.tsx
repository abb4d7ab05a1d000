"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { useEffect, useId, useRef, useState } from "react";
import { cn } from "@/lib/core/ui/cn";

/**
 * The shell's sidebar (brand, workspace, navigation, theme, user menu). From 768 px (`md`) it is always shown;
 * below it folds behind the button "Menu" (UI contract), which opens the same sidebar, links and all, above the page.
 * The menu remembers the path it was opened on, so following one of its links closes it without an effect.
 */
export function ShellNav({ children }: { children: React.ReactNode }) {
  const pathname = usePathname();
  const [openOn, setOpenOn] = useState<string | null>(null);
  const open = openOn === pathname;
  const panelId = useId();
  const buttonRef = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (!open) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== "Escape") return;
      setOpenOn(null);
      buttonRef.current?.focus();
    };
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, [open]);

  return (
    <>
      <div className="flex items-center justify-between gap-3 border-b border-zinc-200 bg-white px-4 py-2 md:hidden dark:border-zinc-800 dark:bg-zinc-900">
        <Link href="/prompts" className="text-sm font-semibold tracking-tight text-indigo-600 dark:text-indigo-400">
          PromptOps Studio
        </Link>
        <button
          ref={buttonRef}
          type="button"
          aria-expanded={open}
          aria-controls={panelId}
          onClick={() => setOpenOn(open ? null : pathname)}
          className="inline-flex h-9 items-center gap-2 rounded-md border border-zinc-300 px-3 text-sm font-medium text-zinc-900 hover:bg-zinc-100 dark:border-zinc-700 dark:text-zinc-100 dark:hover:bg-zinc-800"
        >
          <svg aria-hidden viewBox="0 0 16 16" className="size-4" fill="none" stroke="currentColor" strokeWidth="1.5">
            {open ? <path d="M4 4l8 8M12 4l-8 8" /> : <path d="M2.5 4h11M2.5 8h11M2.5 12h11" />}
          </svg>
          Menu
        </button>
      </div>
      <aside
        id={panelId}
        className={cn(
          "w-full shrink-0 flex-col gap-5 border-b border-zinc-200 bg-white px-3 py-4 dark:border-zinc-800 dark:bg-zinc-900",
          "md:flex md:w-56 md:border-r md:border-b-0",
          open ? "flex" : "hidden",
        )}
      >
        <Link href="/prompts" className="hidden px-3 text-sm font-semibold tracking-tight text-indigo-600 md:block dark:text-indigo-400">
          PromptOps Studio
        </Link>
        {children}
      </aside>
    </>
  );
}
