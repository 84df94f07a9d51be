"use client";

import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useState, useTransition, type FormEvent } from "react";
import { FormError } from "@/components/forms/form-error";
import { Button } from "@/components/ui/button";
import { Field, Input } from "@/components/ui/field";

/** next-auth reports authorize's error message; a throttled attempt carries the seconds to wait. */
function signInErrorMessage(error: string): string {
  const match = /^THROTTLED:(\d+)$/.exec(error);
  if (!match) return "That email and password do not match an account.";
  const seconds = Number(match[1]);
  const wait = seconds < 90 ? `${seconds} second${seconds === 1 ? "" : "s"}` : `${Math.ceil(seconds / 60)} minutes`;
  return `Too many failed sign-ins for this account or network. Wait ${wait}, then try again.`;
}

/**
 * The browser's own constraint checks (type, required, maxLength) with signInSchema's words. Not zod here: it would
 * be most of this page's JavaScript for two fields; the server still parses with signInSchema.
 */
function signInFieldErrors(email: HTMLInputElement, password: HTMLInputElement): Record<string, string[] | undefined> {
  return {
    email: email.validity.valid ? undefined : ["Enter a valid email address."],
    password: password.validity.valueMissing ? ["Enter your password."] : password.validity.tooLong ? ["That password is too long."] : undefined,
  };
}

export function LoginForm({ callbackUrl, sso }: { callbackUrl: string; sso?: { name: string } | undefined }) {
  const router = useRouter();
  const [error, setError] = useState<string>();
  const [fieldErrors, setFieldErrors] = useState<Record<string, string[] | undefined>>({});
  const [pending, startTransition] = useTransition();

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const { email, password } = event.currentTarget.elements as unknown as Record<"email" | "password", HTMLInputElement>;
    const errors = signInFieldErrors(email, password);
    setFieldErrors(errors);
    if (errors.email || errors.password) return;
    startTransition(async () => {
      const result = await signIn("credentials", { email: email.value, password: password.value, redirect: false });
      if (!result || result.error) {
        setError(signInErrorMessage(result?.error ?? ""));
        return;
      }
      router.replace(callbackUrl);
      router.refresh();
    });
  }

  return (
    <form onSubmit={onSubmit} className="space-y-4" noValidate>
      <FormError message={error} />
      <Field label="Email" name="email" errors={fieldErrors.email}>
        <Input id="email" name="email" type="email" autoComplete="email" required maxLength={200} autoFocus />
      </Field>
      <Field label="Password" name="password" errors={fieldErrors.password}>
        <Input id="password" name="password" type="password" autoComplete="current-password" required maxLength={200} />
      </Field>
      <Button type="submit" className="w-full" disabled={pending}>
        {pending ? "Signing in…" : "Sign in"}
      </Button>
      <p className="text-xs text-slate-500" data-testid="throttle-hint">
        After several failed attempts, sign-in for that account or network pauses for a short, growing time. It never locks you out for good. Forgot
        your password? Ask an admin for a reset link.
      </p>
      {sso && (
        <Button type="button" variant="secondary" className="w-full" onClick={() => void signIn("oidc", { callbackUrl })}>
          Sign in with {sso.name}
        </Button>
      )}
    </form>
  );
}
