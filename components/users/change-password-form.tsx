"use client";

import { useRef } from "react";
import { toast } from "sonner";
import { FormError } from "@/components/forms/form-error";
import { invalid, useActionForm } from "@/components/forms/use-action-form";
import { Button } from "@/components/ui/button";
import { Field, Input } from "@/components/ui/field";
import { changePasswordAction } from "@/lib/actions/users/change-password";
import { noun } from "@/lib/vocabulary";

export function ChangePasswordForm() {
  const ref = useRef<HTMLFormElement>(null);
  const form = useActionForm(changePasswordAction, {
    onSuccess: (data) => {
      toast.success(
        data.otherSessionsEnded > 0
          ? `Password changed; ${data.otherSessionsEnded} other ${noun(data.otherSessionsEnded, "session")} signed out.`
          : "Password changed.",
      );
      ref.current?.reset();
    },
  });
  const e = form.fieldErrors;
  return (
    <form ref={ref} onSubmit={form.onSubmit} className="space-y-4" noValidate data-testid="change-password-form">
      <FormError message={form.formError} />
      <Field label="Current password" name="currentPassword" errors={e.currentPassword}>
        <Input
          id="currentPassword"
          name="currentPassword"
          type="password"
          autoComplete="current-password"
          {...invalid(e.currentPassword, "currentPassword")}
        />
      </Field>
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
      <div className="flex justify-end">
        <Button type="submit" disabled={form.isPending}>
          {form.isPending ? "Saving…" : "Change password"}
        </Button>
      </div>
    </form>
  );
}
