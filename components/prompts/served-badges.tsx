import { Badge } from "@/components/ui/badge";

/** "Production", "Staging" next to the version each environment serves. */
export function ServedBadges({ environments }: { environments: string[] }) {
  if (environments.length === 0) return null;
  return (
    <span className="flex flex-wrap items-center gap-1">
      <span className="sr-only">Served in</span>
      {environments.map((name) => (
        <Badge key={name} tone="success">
          {name}
        </Badge>
      ))}
    </span>
  );
}
