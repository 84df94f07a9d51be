"use client";

import { useRouter } from "next/navigation";
import { useRef } from "react";
import { toast } from "sonner";
import { FormError } from "@/components/forms/form-error";
import { invalid, useActionForm } from "@/components/forms/use-action-form";
import { Button } from "@/components/ui/button";
import { Field, Input, Select } from "@/components/ui/field";
import { createUserAction } from "@/lib/actions/users/create-user";
import { ROLE_LABELS, ROLES } from "@/lib/permissions";

export function NewUserForm() {
  const router = useRouter();
  const ref = useRef<HTMLFormElement>(null);
  const form = useActionForm(createUserAction, {
    onSuccess: () => {
      toast.success("User added. Share the initial password with them privately.");
      ref.current?.reset();
      router.refresh();
    },
  });
  const e = form.fieldErrors;
  return (
    <form ref={ref} onSubmit={form.onSubmit} className="space-y-4" noValidate data-testid="new-user-form">
      <FormError message={form.formError} />
      <div className="grid gap-4 sm:grid-cols-2">
        <Field label="Name" name="user-name" errors={e.name}>
          <Input id="user-name" name="name" {...invalid(e.name, "user-name")} />
        </Field>
        <Field label="Email" name="user-email" errors={e.email}>
          <Input id="user-email" name="email" type="email" {...invalid(e.email, "user-email")} />
        </Field>
        <Field label="Role" name="user-role" errors={e.role}>
          <Select id="user-role" name="role" defaultValue="rep">
            {ROLES.map((r) => <option key={r} value={r}>{ROLE_LABELS[r]}</option>)}
          </Select>
        </Field>
        <Field label="Initial password" name="user-password" errors={e.password} hint="At least 10 characters.">
          <Input id="user-password" name="password" type="password" autoComplete="new-password" {...invalid(e.password, "user-password")} />
        </Field>
      </div>
      <div className="flex justify-end">
        <Button type="submit" disabled={form.isPending}>{form.isPending ? "Adding…" : "Add user"}</Button>
      </div>
    </form>
  );
}
