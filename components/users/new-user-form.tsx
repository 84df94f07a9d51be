"use client";

import { useRouter } from "next/navigation";
import { toast } from "@/components/ui/toast";
import { ErrorSummary } from "@/components/forms/error-summary";
import { invalid } from "@/components/forms/form-errors";
import { PasswordFields } from "@/components/forms/password-fields";
import { useZodForm } from "@/components/forms/use-zod-form";
import { Button } from "@/components/ui/button";
import { Field, Input, Select } from "@/components/ui/field";
import { createUserAction } from "@/lib/actions/users/create-user";
import { ROLE_LABELS, ROLES } from "@/lib/permissions";

const blank = { name: "", email: "", role: "rep" as const, password: "" };

export function NewUserForm() {
  const router = useRouter();
  const { form, onSubmit, isPending, summaryFocus, errors } = useZodForm(
    () => import("@/lib/validation/user").then((m) => m.createUserSchema),
    createUserAction,
    {
      defaultValues: blank,
      onSuccess: () => {
        toast.success("User added. Share the initial password with them privately.");
        form.reset(blank);
        router.refresh();
      },
    },
  );
  const { register } = form;
  return (
    <form onSubmit={onSubmit} className="space-y-4" noValidate data-testid="new-user-form">
      <ErrorSummary errors={form.formState.errors} focusKey={summaryFocus} />
      <div className="grid gap-4 sm:grid-cols-2">
        <Field label="Name" name="user-name" errors={errors("name")}>
          <Input id="user-name" {...register("name")} {...invalid(errors("name"), "user-name")} />
        </Field>
        <Field label="Email" name="user-email" errors={errors("email")}>
          <Input id="user-email" type="email" {...register("email")} {...invalid(errors("email"), "user-email")} />
        </Field>
        <Field label="Role" name="user-role" errors={errors("role")}>
          <Select id="user-role" {...register("role")}>
            {ROLES.map((r) => (
              <option key={r} value={r}>
                {ROLE_LABELS[r]}
              </option>
            ))}
          </Select>
        </Field>
        <PasswordFields register={register} errors={errors} name="password" id="user-password" label="Initial password" />
      </div>
      <div className="flex justify-end">
        <Button type="submit" disabled={isPending}>
          {isPending ? "Adding…" : "Add user"}
        </Button>
      </div>
    </form>
  );
}
