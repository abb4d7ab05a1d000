import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { LoginForm } from "@/components/auth/login-form";
import { Card } from "@/components/ui/card";
import { safeCallbackPath } from "@/lib/platform/auth/callback-url";
import { getAuthContext } from "@/lib/platform/auth/context";
import { demoAccountsActive } from "@/lib/demo/seed-demo-workspace";
import { needsFirstRunSetup } from "@/lib/platform/setup/first-admin";

export const metadata: Metadata = { title: "Sign in" };
export const dynamic = "force-dynamic";

export default async function LoginPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string | string[] }> }) {
  if (await needsFirstRunSetup()) redirect("/setup");
  const { callbackUrl } = await searchParams;
  const returnTo = safeCallbackPath(Array.isArray(callbackUrl) ? callbackUrl[0] : callbackUrl);
  if (await getAuthContext()) redirect(returnTo ?? "/");
  return (
    <Card>
      <h1 className="mb-5 text-lg font-semibold">Sign in</h1>
      <LoginForm callbackUrl={returnTo} />
      {(await demoAccountsActive()) && (
        <p className="mt-5 rounded-md bg-amber-50 p-3 text-xs text-amber-900 dark:bg-amber-950 dark:text-amber-200">
          Demo accounts are active: admin@, lead@, editor@, reviewer@ or viewer@example.com with the password{" "}
          <code>promptops-demo</code>.
        </p>
      )}
    </Card>
  );
}
