"use client";

import Link from "next/link";
import { useState } from "react";
import { FormError } from "@/components/forms/form-error";
import { invalid, useActionForm } from "@/components/forms/use-action-form";
import { Button } from "@/components/ui/button";
import { Field, Input } from "@/components/ui/field";
import { resetPasswordAction } from "@/lib/actions/users/reset-password";

export function ResetPasswordForm({ token }: { token: string }) {
  const [done, setDone] = useState(false);
  const form = useActionForm(resetPasswordAction, { onSuccess: () => setDone(true) });
  const e = form.fieldErrors;
  if (done) {
    return (
      <p className="text-sm text-slate-700" data-testid="reset-done">
        Your password is set and any old sessions are signed out.{" "}
        <Link href="/login" className="font-medium text-indigo-700 underline">
          Sign in
        </Link>
      </p>
    );
  }
  return (
    <form onSubmit={form.onSubmit} className="space-y-4" noValidate data-testid="reset-password-form">
      <FormError message={form.formError ?? e.token?.[0]} />
      <input type="hidden" name="token" value={token} />
      <Field label="New password" name="newPassword" errors={e.newPassword} hint="At least 10 characters.">
        <Input id="newPassword" name="newPassword" type="password" autoComplete="new-password" {...invalid(e.newPassword, "newPassword")} />
      </Field>
      <Field label="Repeat the new password" name="confirmPassword" errors={e.confirmPassword}>
        <Input
          id="confirmPassword"
          name="confirmPassword"
          type="password"
          autoComplete="new-password"
          {...invalid(e.confirmPassword, "confirmPassword")}
        />
      </Field>
      <Button type="submit" className="w-full" disabled={form.isPending}>
        {form.isPending ? "Saving…" : "Set password"}
      </Button>
      <p className="text-center text-xs text-slate-500">
        <Link href="/login" className="underline">
          Back to sign in
        </Link>
      </p>
    </form>
  );
}
