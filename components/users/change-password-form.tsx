"use client";

import { toast } from "@/components/ui/toast";
import { ErrorSummary } from "@/components/forms/error-summary";
import { invalid } from "@/components/forms/form-errors";
import { useZodForm } from "@/components/forms/use-zod-form";
import { Button } from "@/components/ui/button";
import { PasswordFields } from "@/components/forms/password-fields";
import { Field, Input } from "@/components/ui/field";
import { changePasswordAction } from "@/lib/actions/users/change-password";
import { noun } from "@/lib/vocabulary";

const blank = { currentPassword: "", newPassword: "", confirmPassword: "" };

export function ChangePasswordForm() {
  const { form, onSubmit, isPending, summaryFocus, errors } = useZodForm(
    () => import("@/lib/validation/user").then((m) => m.changePasswordSchema),
    changePasswordAction,
    {
      defaultValues: blank,
      onSuccess: (data) => {
        toast.success(
          data.otherSessionsEnded > 0
            ? `Password changed; ${data.otherSessionsEnded} other ${noun(data.otherSessionsEnded, "session")} signed out.`
            : "Password changed.",
        );
        form.reset(blank);
      },
    },
  );
  const { register } = form;
  return (
    <form onSubmit={onSubmit} className="space-y-4" noValidate data-testid="change-password-form">
      <ErrorSummary errors={form.formState.errors} focusKey={summaryFocus} />
      <Field label="Current password" name="currentPassword" errors={errors("currentPassword")}>
        <Input
          id="currentPassword"
          type="password"
          autoComplete="current-password"
          {...register("currentPassword")}
          {...invalid(errors("currentPassword"), "currentPassword")}
        />
      </Field>
      <PasswordFields register={register} errors={errors} name="newPassword" confirm="confirmPassword" />
      <div className="flex justify-end">
        <Button type="submit" disabled={isPending}>
          {isPending ? "Saving…" : "Change password"}
        </Button>
      </div>
    </form>
  );
}
