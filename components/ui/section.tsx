import { cn } from "@/lib/core/ui/cn";

const titleSizes = { sm: "text-sm font-semibold", base: "text-base font-semibold", lg: "text-lg font-semibold" } as const;
// Where the heading sits against taller actions: filter fields with labels above them line up on their bottom edge.
const alignments = { center: "items-center", end: "items-end", baseline: "items-baseline" } as const;

/**
 * A region of a page named by its own heading (aria-labelledby), so screen readers list it by that title. `actions`
 * share the heading's row, pushed to its end, and wrap below it on a narrow screen.
 */
export function Section({
  id,
  title,
  size = "base",
  actions,
  align = "center",
  className,
  children,
}: {
  id: string;
  title: React.ReactNode;
  size?: keyof typeof titleSizes;
  actions?: React.ReactNode;
  align?: keyof typeof alignments;
  className?: string;
  children: React.ReactNode;
}) {
  const heading = (
    <h2 id={id} className={titleSizes[size]}>
      {title}
    </h2>
  );
  return (
    <section aria-labelledby={id} className={cn("flex flex-col gap-3", className)}>
      {actions ? (
        <div className={cn("flex flex-wrap justify-between gap-3", alignments[align])}>
          {heading}
          {actions}
        </div>
      ) : (
        heading
      )}
      {children}
    </section>
  );
}
