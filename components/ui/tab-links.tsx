import Link from "next/link";
import { cn } from "@/lib/core/ui/cn";

/** A row of links styled as tabs; each view has its own URL, so tabs are shareable and work without script. */
export function TabLinks({ label, items }: { label: string; items: { href: string; label: string; active: boolean }[] }) {
  return (
    // Scrolls sideways on its own when the tabs are wider than a phone. The underline is an inset shadow, not a
    // border, because a scroller clips what hangs over its edge (the active tab's line sits on top of it).
    <nav
      aria-label={label}
      className="flex gap-1 overflow-x-auto shadow-[inset_0_-1px_0_var(--color-zinc-200)] dark:shadow-[inset_0_-1px_0_var(--color-zinc-800)]"
    >
      {items.map((item) => (
        <Link
          key={item.href}
          href={item.href}
          aria-current={item.active ? "page" : undefined}
          className={cn(
            "shrink-0 border-b-2 px-3 py-2 text-sm whitespace-nowrap",
            item.active
              ? "border-indigo-600 font-medium text-indigo-700 dark:text-indigo-300"
              : "border-transparent text-zinc-600 hover:text-zinc-900 dark:text-zinc-400 dark:hover:text-zinc-100",
          )}
        >
          {item.label}
        </Link>
      ))}
    </nav>
  );
}
