import { Badge } from "@/components/ui/badge";
import { verdictTone, verdictWord } from "./labels";

/**
 * The held-out verdict as a status: "Better", "No significant difference" or "Worse". Its name is the word itself,
 * so a screen reader announces the verdict when it arrives and a test finds it by role and name.
 */
export function VerdictStatus({ verdict }: { verdict: string }) {
  const word = verdictWord(verdict);
  return (
    <span role="status" aria-label={word}>
      <Badge tone={verdictTone(verdict)} className="text-sm">
        {word}
      </Badge>
    </span>
  );
}
