"use client";

import Link from "next/link";
import { useState } from "react";
import { ErrorSummary } from "@/components/forms/error-summary";
import { useZodForm } from "@/components/forms/use-zod-form";
import { Button } from "@/components/ui/button";
import { PasswordFields } from "@/components/forms/password-fields";
import { resetPasswordAction } from "@/lib/actions/users/reset-password";

export function ResetPasswordForm({ token }: { token: string }) {
  const [done, setDone] = useState(false);
  const { form, onSubmit, isPending, summaryFocus, errors } = useZodForm(
    () => import("@/lib/validation/user").then((m) => m.resetPasswordSchema),
    resetPasswordAction,
    {
      // The token rides along as a value the user never sees; a bad one is the form's message ("not valid").
      defaultValues: { token, newPassword: "", confirmPassword: "" },
      onSuccess: () => setDone(true),
    },
  );
  const { register } = form;
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
    <form onSubmit={onSubmit} className="space-y-4" noValidate data-testid="reset-password-form">
      <ErrorSummary errors={form.formState.errors} focusKey={summaryFocus} />
      <PasswordFields register={register} errors={errors} name="newPassword" confirm="confirmPassword" />
      <Button type="submit" className="w-full" disabled={isPending}>
        {isPending ? "Saving…" : "Set password"}
      </Button>
      <p className="text-center text-xs text-slate-500">
        <Link href="/login" className="underline">
          Back to sign in
        </Link>
      </p>
    </form>
  );
}
