// The matching behind a filterable picker (components/ui/filterable-select.tsx). Client-safe.

export interface PickerOption {
  value: string;
  label: string;
}

/**
 * The options whose label holds every word of the query, in any order and case ("triage sup" finds
 * "support/triage"). The chosen option is always kept, so the select never shows something that is not chosen.
 */
export function filterOptions(options: readonly PickerOption[], query: string, chosen: string): PickerOption[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return [...options];
  return options.filter((option) => option.value === chosen || words.every((word) => option.label.toLowerCase().includes(word)));
}
