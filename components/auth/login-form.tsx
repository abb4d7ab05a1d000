"use client";

import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { Field, Input } from "@/components/ui/input";
import { signInErrorMessage } from "@/lib/core/vocabulary/sign-in-errors";
import { FormError } from "@/components/ui/form-error";


/** `callbackUrl` is the page to return to, already checked to be a same-origin path (lib/platform/auth/callback-url.ts). */
export function LoginForm({ callbackUrl }: { callbackUrl: string | null }) {
  const router = useRouter();
  const password = useRef<HTMLInputElement>(null);
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
        // Back to the page that was opened, else `/`, which sends each role to where its work is (lib/home/landing.ts).
        // Either is rendered afresh, so no refresh() is needed, whose extra round trip slowed sign-in down.
        router.replace(callbackUrl ?? "/");
        return;
      }
      setError(signInErrorMessage(result?.status === 429 ? "RateLimited" : result?.error));
    } catch {
      setError("Could not reach the studio. Check your connection and try again.");
    }
    setBusy(false);
    // The alert is announced; focus goes where the next attempt starts, with the wrong password selected.
    password.current?.focus();
    password.current?.select();
  }

  return (
    <form onSubmit={onSubmit} className="flex flex-col gap-4" noValidate>
      <Field label="Email" htmlFor="email">
        <Input id="email" name="email" type="email" autoComplete="username" required autoFocus />
      </Field>
      <Field label="Password" htmlFor="password">
        <Input ref={password} id="password" name="password" type="password" autoComplete="current-password" required />
      </Field>
      <FormError message={error} />
      <Button type="submit" busy={busy}>
        Sign in
      </Button>
    </form>
  );
}
