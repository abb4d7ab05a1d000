import type { HTMLAttributes, TdHTMLAttributes, ThHTMLAttributes } from "react";
import { cn } from "@/lib/core/ui/cn";

export function Table({ className, scrollerLabel, ...props }: HTMLAttributes<HTMLTableElement> & { scrollerLabel?: string }) {
  return (
    // relative: the table's visually hidden (sr-only, absolutely positioned) labels are placed inside this scroller,
    // not against the page, where a wide table's would make a phone-width page scroll sideways.
    // scrollerLabel: for a table whose rows can be wider than the page (free text from people); the scroller is
    // then a named, focusable region, so a keyboard can scroll it (WCAG 2.1.1).
    <div
      className="relative overflow-x-auto rounded-lg border border-zinc-200 bg-white dark:border-zinc-800 dark:bg-zinc-900"
      {...(scrollerLabel ? { role: "region", "aria-label": scrollerLabel, tabIndex: 0 } : {})}
    >
      <table className={cn("w-full text-left text-sm", className)} {...props} />
    </div>
  );
}

export function Th({ className, ...props }: ThHTMLAttributes<HTMLTableCellElement>) {
  return (
    <th
      scope="col"
      className={cn("border-b border-zinc-200 px-4 py-2.5 font-medium text-zinc-600 dark:border-zinc-800 dark:text-zinc-400", className)}
      {...props}
    />
  );
}

export function Td({ className, ...props }: TdHTMLAttributes<HTMLTableCellElement>) {
  return <td className={cn("border-b border-zinc-100 px-4 py-2.5 align-middle dark:border-zinc-800/60", className)} {...props} />;
}

/**
 * A table's header row from its column names. `actions` adds a last column for per-row buttons, named for screen
 * readers only (a header cell must have a name; a visible "Actions" would only be noise).
 */
export function TableHead({ columns, actions = false }: { columns: readonly string[]; actions?: boolean }) {
  return (
    <thead>
      <tr>
        {columns.map((column) => (
          <Th key={column}>{column}</Th>
        ))}
        {actions && (
          <Th>
            <span className="sr-only">Actions</span>
          </Th>
        )}
      </tr>
    </thead>
  );
}
