"use client";

import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Field, Input } from "@/components/ui/input";
import { signInErrorMessage } from "@/lib/auth/sign-in-errors";
import { FormError } from "@/components/ui/form-error";


export function LoginForm() {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setBusy(true);
    setError(null);
    try {
      const result = await signIn("credentials", {
        email: String(form.get("email") ?? ""),
        password: String(form.get("password") ?? ""),
        redirect: false,
      });
      if (result?.ok && !result.error) {
        // `/` sends each role to where its work is (lib/home/landing.ts). It is rendered afresh, so no refresh() is
        // needed, whose extra round trip through `/` and its redirect slowed sign-in down.
        router.replace("/");
        return;
      }
      setError(signInErrorMessage(result?.status === 429 ? "RateLimited" : result?.error));
    } catch {
      setError("Could not reach the studio. Check your connection and try again.");
    }
    setBusy(false);
  }

  return (
    <form onSubmit={onSubmit} className="flex flex-col gap-4" noValidate>
      <Field label="Email" htmlFor="email">
        <Input id="email" name="email" type="email" autoComplete="username" required autoFocus />
      </Field>
      <Field label="Password" htmlFor="password">
        <Input id="password" name="password" type="password" autoComplete="current-password" required />
      </Field>
      <FormError message={error} />
      <Button type="submit" busy={busy}>
        Sign in
      </Button>
    </form>
  );
}
