import type { Metadata } from "next";
import { ChangePasswordForm } from "@/components/settings/change-password-form";
import { Card } from "@/components/ui/card";
import { requirePageAuth } from "@/lib/platform/auth/context";

export const metadata: Metadata = { title: "Account" };

export default async function AccountPage() {
  const ctx = await requirePageAuth();
  return (
    <div className="flex max-w-xl flex-col gap-6">
      <Card>
        <h2 className="text-base font-semibold">{ctx.user.name}</h2>
        <p className="text-sm text-zinc-600 dark:text-zinc-400">
          {ctx.user.email} · {ctx.role} in {ctx.workspace.name}
        </p>
      </Card>
      <Card>
        <h2 className="mb-1 text-base font-semibold">Change password</h2>
        <p className="mb-4 text-sm text-zinc-600 dark:text-zinc-400">Your other signed-in browsers will be signed out.</p>
        <ChangePasswordForm />
      </Card>
    </div>
  );
}
