import { FilterForm } from "@/components/ui/filter-form";
import { Field, Options, Select } from "@/components/ui/input";
import type { DashboardFilters } from "@/lib/evals";

type Options = { prompts: { id: string; name: string }[]; datasets: { id: string; name: string }[]; environments: { id: string; name: string }[]; models: string[] };

/** Filters are URL state, so a filtered dashboard is a link someone can share; each applies when it changes. */
export function DashboardFiltersForm({ action, filters, options, fixedPrompt }: { action: string; filters: DashboardFilters; options: Options; fixedPrompt?: boolean }) {
  const select = (name: string, label: string, value: string | undefined, items: { id: string; name: string }[], any: string) => (
    <Field size="sm" label={label} htmlFor={`filter-${name}`}>
      <Select id={`filter-${name}`} name={name} defaultValue={value ?? ""} className="w-44">
        <option value="">{any}</option>
        <Options items={items.map((i) => [i.id, i.name] as const)} />
      </Select>
    </Field>
  );
  return (
    <FilterForm action={action} label="Dashboard filters" className="flex flex-wrap items-end gap-3">
      {fixedPrompt ? <input type="hidden" name="tab" value="evaluations" /> : select("prompt", "Prompt", filters.prompt, options.prompts, "All prompts")}
      {select("dataset", "Dataset", filters.dataset, options.datasets, "All datasets")}
      {select("environment", "Environment", filters.environment, options.environments, "Any environment")}
      {select("model", "Model", filters.model, options.models.map((m) => ({ id: m, name: m })), "All models")}
      {select("range", "Time range", filters.range, [
        { id: "7d", name: "Last 7 days" },
        { id: "30d", name: "Last 30 days" },
        { id: "90d", name: "Last 90 days" },
        { id: "all", name: "All time" },
      ], "Last 30 days")}
    </FilterForm>
  );
}
