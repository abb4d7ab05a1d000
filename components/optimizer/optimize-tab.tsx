import { EmptyState } from "@/components/ui/empty-state";
import { Section } from "@/components/ui/section";
import type { OptimizationSummary } from "@/lib/optimizer";
import { NewOptimizationForm, type NewOptimizationProps } from "./new-optimization-form";
import { OptimizationsTable } from "./optimizations-table";

/**
 * A prompt's Optimize tab: its optimizations, and for those who may run one, the form to start another. Without a
 * saved version there is nothing to start from, and the tab says so.
 */
export function OptimizeTab({ optimizations, form }: { optimizations: OptimizationSummary[]; form: NewOptimizationProps | "no-version" | "read-only" }) {
  return (
    <div className="flex flex-col gap-6">
      <Section id="optimizations-heading" title="Optimizations">
        {optimizations.length === 0 ? (
          <EmptyState title="No optimizations yet">
            An optimization proposes rewrites of this prompt and few-shot examples, scores each on a labelled dataset, and keeps the best only when
            held-out cases show it is better.{" "}
            {form === "read-only" ? "Editors, leads and admins can start one here." : form === "no-version" ? "Save a first version, then start one here." : "Start one with the form below."}
          </EmptyState>
        ) : (
          <OptimizationsTable optimizations={optimizations} />
        )}
      </Section>
      {typeof form === "object" && (
        <Section id="new-optimization-heading" title={`New optimization of v${form.baseVersion}`}>
          <NewOptimizationForm {...form} />
        </Section>
      )}
    </div>
  );
}
