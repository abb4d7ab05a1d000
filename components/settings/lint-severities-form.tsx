"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { toast } from "sonner";
import { SEVERITIES, type LintRule, type RuleId, type Severity } from "@/lib/core/lint";
import { setLintSeveritiesAction } from "@/lib/platform/lint-settings/actions";
import { Button } from "@/components/ui/button";
import { Select } from "@/components/ui/input";
import { Table, TableHead, Td } from "@/components/ui/table";

type Level = Severity | "off";
const LEVELS: readonly Level[] = [...SEVERITIES, "off"];

/** One row per rule: its default, its rationale, and the workspace's choice (admins only change it). */
export function LintSeveritiesForm({ rules, canEdit }: { rules: (LintRule & { chosen: Level })[]; canEdit: boolean }) {
  const router = useRouter();
  const [chosen, setChosen] = useState<Record<RuleId, Level>>(() => Object.fromEntries(rules.map((r) => [r.id, r.chosen])) as Record<RuleId, Level>);
  const [pending, startTransition] = useTransition();

  function save(event: React.FormEvent) {
    event.preventDefault();
    startTransition(async () => {
      const result = await setLintSeveritiesAction({ severities: chosen });
      if (!result.ok) return void toast.error(result.error);
      toast.success("Saved the lint severities");
      router.refresh();
    });
  }

  return (
    <form onSubmit={save} aria-label="Lint severities" className="flex flex-col gap-3">
      <Table aria-label="Lint rules">
        <TableHead columns={["Rule", "Why", "Default", "In this workspace"]} />
        <tbody>
          {rules.map((rule) => (
            <tr key={rule.id} id={`rule-${rule.id}`}>
              <Td>
                <code className="text-xs">{rule.id}</code>
                <p className="text-sm">{rule.summary}</p>
              </Td>
              <Td className="max-w-md text-sm text-zinc-600 dark:text-zinc-400">{rule.rationale}</Td>
              <Td>{rule.severity}</Td>
              <Td>
                <Select
                  aria-label={`Severity of ${rule.id}`}
                  value={chosen[rule.id]}
                  disabled={!canEdit || pending}
                  onChange={(e) => setChosen((c) => ({ ...c, [rule.id]: e.target.value as Level }))}
                  className="w-32"
                >
                  {LEVELS.map((level) => (
                    <option key={level} value={level}>
                      {level}
                    </option>
                  ))}
                </Select>
              </Td>
            </tr>
          ))}
        </tbody>
      </Table>
      {canEdit ? (
        <Button type="submit" busy={pending} className="self-start">
          Save severities
        </Button>
      ) : (
        <p className="text-sm text-zinc-600 dark:text-zinc-400">Only admins change the severities.</p>
      )}
    </form>
  );
}
