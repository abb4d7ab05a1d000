/**
 * The workspace's models as a select's options. A model chosen earlier and no longer configured here stays listed, so
 * the select still shows what is set instead of silently showing another model.
 */
export function ModelOptions({ models, current }: { models: { id: string; label: string }[]; current: string }) {
  const known = !current || models.some((m) => m.id === current);
  return (
    <>
      {models.map((m) => (
        <option key={m.id} value={m.id}>
          {m.label} ({m.id})
        </option>
      ))}
      {!known && <option value={current}>{current} (not configured here)</option>}
    </>
  );
}
