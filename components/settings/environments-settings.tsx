"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { toast } from "sonner";
import { createEnvironmentAction, setEnvironmentProtectedAction } from "@/lib/releases/actions";
import { FormSubmit } from "@/components/ui/form-submit";
import { Field, Input } from "@/components/ui/input";
import { Table, TableHead, Td } from "@/components/ui/table";
import { ComplianceGatesForm } from "./compliance-gates-form";
import { EvalGateForm } from "./eval-gate-form";
import type { ComplianceGates } from "@/lib/core/vocabulary/compliance";

interface EnvironmentRow {
  id: string;
  slug: string;
  name: string;
  isProtected: boolean;
  gateDatasetId: string | null;
  gateMinPassRate: number | null;
  complianceGates: ComplianceGates;
}

/** Admins add environments (tenant-a, canary) and choose which are protected by promotion review. */
export function EnvironmentsSettings({ environments, datasets }: { environments: EnvironmentRow[]; datasets: { id: string; name: string }[] }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);

  function toggle(environment: EnvironmentRow, isProtected: boolean) {
    startTransition(async () => {
      const result = await setEnvironmentProtectedAction({ environmentId: environment.id, isProtected });
      if (result.ok) toast.success(`${environment.name} is ${isProtected ? "protected" : "no longer protected"}`);
      else toast.error(result.error);
      router.refresh();
    });
  }

  function add(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formElement = event.currentTarget;
    const form = new FormData(formElement);
    setError(null);
    startTransition(async () => {
      const result = await createEnvironmentAction({
        name: String(form.get("name") ?? ""),
        slug: String(form.get("slug") ?? ""),
        isProtected: form.get("protected") === "on",
      });
      if (!result.ok) {
        setError(result.error);
        return;
      }
      toast.success(`Added environment ${result.data.slug}`);
      formElement.reset();
      router.refresh();
    });
  }

  return (
    <div className="flex flex-col gap-6">
      <p className="max-w-prose text-sm text-zinc-600 dark:text-zinc-400">
        Each environment serves at most one version of each prompt; applications ask for it by its slug (<code>?label=production</code>).
        A protected environment only moves through a promotion that another lead or admin approves. An eval gate (a dataset and a
        minimum pass rate) blocks approval until the candidate version&apos;s latest completed evaluation on that dataset reaches it.
      </p>
      <Table aria-label="Environments">
        <TableHead columns={["Environment", "Label", "Protected", "Eval gate"]} />
        <tbody>
          {environments.map((e) => (
            <tr key={e.id}>
              <Td className="font-medium">{e.name}</Td>
              <Td className="font-mono text-xs">{e.slug}</Td>
              <Td>
                <input
                  type="checkbox"
                  aria-label={`Protect ${e.name}`}
                  checked={e.isProtected}
                  disabled={pending}
                  onChange={(event) => toggle(e, event.target.checked)}
                  className="h-4 w-4"
                />
              </Td>
              <Td>
                <EvalGateForm environment={e} datasets={datasets} />
              </Td>
            </tr>
          ))}
        </tbody>
      </Table>
      <section aria-labelledby="compliance-gates-heading" className="flex flex-col gap-3">
        <h2 id="compliance-gates-heading" className="text-base font-semibold">
          Compliance gates
        </h2>
        <p className="max-w-prose text-sm text-zinc-600 dark:text-zinc-400">
          Checked with the eval gate when a lead approves a promotion to a protected environment. A failed gate blocks approval; an admin may
          approve anyway with a reason, which is recorded in the deployment history and the audit log.
        </p>
        {environments.filter((e) => e.isProtected).length === 0 ? (
          <p className="text-sm text-zinc-600 dark:text-zinc-400">No environment is protected. Protect one above to give it gates.</p>
        ) : (
          environments.filter((e) => e.isProtected).map((e) => <ComplianceGatesForm key={e.id} environment={e} />)
        )}
      </section>
      <form onSubmit={add} className="flex max-w-md flex-col gap-3" aria-label="Add environment">
        <h2 className="text-base font-semibold">Add an environment</h2>
        <Field label="Environment name" htmlFor="environment-name">
          <Input id="environment-name" name="name" required maxLength={40} placeholder="Tenant A" />
        </Field>
        <Field label="Slug" htmlFor="environment-slug" hint="The label applications use: lowercase letters, digits and dashes.">
          <Input id="environment-slug" name="slug" required maxLength={40} placeholder="tenant-a" />
        </Field>
        <label className="flex items-center gap-2 text-sm">
          <input type="checkbox" name="protected" className="h-4 w-4" /> Protected (changes need an approved promotion)
        </label>
        <FormSubmit error={error} busy={pending}>
          Add environment
        </FormSubmit>
      </form>
    </div>
  );
}
