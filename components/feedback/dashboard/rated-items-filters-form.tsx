import { FilterForm } from "@/components/ui/filter-form";
import { Field, Options, Select } from "@/components/ui/input";
import type { DashboardFilters } from "@/lib/evals";
import { RATING_TYPES, type RatedItemsFilters as DrillFilters } from "@/lib/feedback";

/**
 * The drill-down's own choices (queue, scheme), applied on change. Every other filter rides along as a hidden field,
 * so applying it keeps the chart point the reader came from; a new choice starts again from the first page.
 */
export function RatedItemsFilters({ filters, drill, queues }: { filters: DashboardFilters; drill: Omit<DrillFilters, "cursor">; queues: { id: string; name: string }[] }) {
  const { queue, scheme, ...kept } = drill;
  const hidden = Object.entries({ ...filters, ...kept }).filter((e): e is [string, string | number] => e[1] !== undefined && e[1] !== "");
  return (
    <FilterForm action="/dashboard/ratings" label="Rated items filters" className="flex flex-wrap items-end gap-3">
      {hidden.map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <Field size="sm" label="Queue" htmlFor="rated-queue">
        <Select id="rated-queue" name="queue" defaultValue={queue ?? ""} className="w-56">
          <option value="">All queues</option>
          <Options items={queues.map((q) => [q.id, q.name] as const)} />
        </Select>
      </Field>
      <Field size="sm" label="Rating type" htmlFor="rated-scheme">
        <Select id="rated-scheme" name="scheme" defaultValue={scheme ?? ""} className="w-40">
          <option value="">Any type</option>
          <Options items={RATING_TYPES.map((t) => [t, t] as const)} />
        </Select>
      </Field>
    </FilterForm>
  );
}
