import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { SetupForm } from "@/components/auth/setup-form";
import { Card } from "@/components/ui/card";
import { needsFirstRunSetup } from "@/lib/platform/setup/first-admin";

export const metadata: Metadata = { title: "Set up" };
export const dynamic = "force-dynamic";

export default async function SetupPage() {
  if (!(await needsFirstRunSetup())) redirect("/login");
  return (
    <Card>
      <h1 className="text-lg font-semibold">Set up the studio</h1>
      <p className="mb-5 mt-1 text-sm text-zinc-600 dark:text-zinc-400">
        No one has signed up yet. Create the first workspace and its admin account.
      </p>
      <SetupForm />
    </Card>
  );
}
