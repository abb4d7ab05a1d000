"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { useId } from "react";
import { cn } from "@/lib/core/ui/cn";
import { NAV_LINKS } from "./nav-links";

export function MainNav({ badges }: { badges: Record<string, number> }) {
  const pathname = usePathname();
  const id = useId();
  return (
    <nav aria-label="Main" className="flex flex-col gap-0.5">
      {NAV_LINKS.map((link) => {
        const active = pathname === link.href || pathname.startsWith(`${link.href}/`);
        const count = badges[link.href] ?? 0;
        // The count describes the link rather than naming it, so "Review" stays the link's name (UI contract).
        const badgeId = `${id}${link.href.slice(1)}`;
        return (
          <Link
            key={link.href}
            href={link.href}
            aria-current={active ? "page" : undefined}
            aria-describedby={count > 0 ? badgeId : undefined}
            className={cn(
              "flex items-center justify-between rounded-md px-3 py-1.5 text-sm",
              active
                ? "bg-indigo-50 font-medium text-indigo-700 dark:bg-indigo-950 dark:text-indigo-300"
                : "text-zinc-700 hover:bg-zinc-100 dark:text-zinc-300 dark:hover:bg-zinc-800",
            )}
          >
            {link.label}
            {count > 0 && (
              <>
                <span aria-hidden className="rounded-full bg-amber-300 px-1.5 text-xs font-semibold text-amber-950">
                  {count}
                </span>
                <span id={badgeId} hidden>
                  {count} waiting for you
                </span>
              </>
            )}
          </Link>
        );
      })}
    </nav>
  );
}
