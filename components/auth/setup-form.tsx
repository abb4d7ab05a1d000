"use client";

import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { toast } from "sonner";
import { setupStudioAction } from "@/lib/platform/setup/actions";
import { Button } from "@/components/ui/button";
import { Field, Input } from "@/components/ui/input";
import { MIN_PASSWORD_LENGTH } from "@/lib/core/vocabulary/password-rules";
import { FormError } from "@/components/ui/form-error";

export function SetupForm() {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const input = {
      workspaceName: String(form.get("workspaceName") ?? ""),
      name: String(form.get("name") ?? ""),
      email: String(form.get("email") ?? ""),
      password: String(form.get("password") ?? ""),
    };
    setBusy(true);
    setError(null);
    const result = await setupStudioAction(input);
    if (!result.ok) {
      setError(result.error);
      setBusy(false);
      return;
    }
    toast.success("Studio set up. Welcome!");
    const signedIn = await signIn("credentials", { email: input.email, password: input.password, redirect: false });
    router.replace(signedIn?.ok ? "/prompts" : "/login");
    router.refresh();
  }

  return (
    <form onSubmit={onSubmit} className="flex flex-col gap-4" noValidate>
      <Field label="Workspace name" htmlFor="workspaceName">
        <Input id="workspaceName" name="workspaceName" required defaultValue="My team" />
      </Field>
      <Field label="Your name" htmlFor="name">
        <Input id="name" name="name" autoComplete="name" required />
      </Field>
      <Field label="Email" htmlFor="email">
        <Input id="email" name="email" type="email" autoComplete="username" required />
      </Field>
      <Field label="Password" htmlFor="password" hint={`At least ${MIN_PASSWORD_LENGTH} characters.`}>
        <Input id="password" name="password" type="password" autoComplete="new-password" required minLength={MIN_PASSWORD_LENGTH} />
      </Field>
      <FormError message={error} />
      <Button type="submit" busy={busy}>
        Create admin account
      </Button>
    </form>
  );
}
