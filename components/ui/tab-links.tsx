import Link from "next/link";
import { cn } from "@/lib/ui/cn";

/** A row of links styled as tabs; each view has its own URL, so tabs are shareable and work without script. */
export function TabLinks({ label, items }: { label: string; items: { href: string; label: string; active: boolean }[] }) {
  return (
    <nav aria-label={label} className="flex gap-1 border-b border-zinc-200 dark:border-zinc-800">
      {items.map((item) => (
        <Link
          key={item.href}
          href={item.href}
          aria-current={item.active ? "page" : undefined}
          className={cn(
            "-mb-px border-b-2 px-3 py-2 text-sm",
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
