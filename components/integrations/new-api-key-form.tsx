"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { Controller, useWatch } from "react-hook-form";
import { ErrorSummary } from "@/components/forms/error-summary";
import { invalid } from "@/components/forms/form-errors";
import { useZodForm } from "@/components/forms/use-zod-form";
import { Button } from "@/components/ui/button";
import { Combobox } from "@/components/ui/combobox";
import { Field, Input, Select } from "@/components/ui/field";
import { createApiKeyAction } from "@/lib/actions/integrations/create-api-key";
import { ROLE_LABELS, ROLES } from "@/lib/permissions";
import { SecretOnce } from "./secret-once";

const blank = { name: "", actAs: "role" as const, role: "rep" as const, userId: "" };

/** Creates a key and shows its token once; it is stored only as a hash, so it cannot be shown again. */
export function NewApiKeyForm({ users }: { users: Array<{ id: string; name: string }> }) {
  const router = useRouter();
  const [created, setCreated] = useState<{ name: string; token: string } | null>(null);
  const { form, onSubmit, isPending, summaryFocus, errors } = useZodForm(
    () => import("@/lib/validation/integrations").then((m) => m.createApiKeySchema),
    createApiKeyAction,
    {
      defaultValues: blank,
      onSuccess: (data) => {
        setCreated({ name: data.name, token: data.token });
        form.reset(blank);
        router.refresh();
      },
    },
  );
  const { register } = form;
  const actAs = useWatch({ control: form.control, name: "actAs" });
  return (
    <div className="space-y-4">
      {created && (
        <SecretOnce label={`API key “${created.name}”`} value={created.token} testId="new-api-key-token" onDismiss={() => setCreated(null)}>
          Copy it now: this is the only time Winnow shows it. Send it as <code>Authorization: Bearer …</code>.
        </SecretOnce>
      )}
      <form onSubmit={onSubmit} className="space-y-4" noValidate data-testid="new-api-key-form">
        <ErrorSummary errors={form.formState.errors} focusKey={summaryFocus} />
        <Field label="Name" name="key-name" errors={errors("name")} hint="What uses it, e.g. “Warehouse sync”.">
          <Input id="key-name" {...register("name")} {...invalid(errors("name"), "key-name")} />
        </Field>
        {/* Two and four fixed choices: a native select is the accessible control; the user list is searched. */}
        <Field label="Acts as" name="key-act-as" errors={errors("actAs")}>
          <Select id="key-act-as" {...register("actAs")}>
            <option value="role">A role (changes are made in your name)</option>
            <option value="user">A named user (with that user’s role)</option>
          </Select>
        </Field>
        {actAs === "user" ? (
          <Field label="User" name="userId" errors={errors("userId")}>
            <Controller
              control={form.control}
              name="userId"
              render={({ field }) => (
                <Combobox
                  id="userId"
                  name="userId"
                  searchLabel="Search users"
                  options={users.map((u) => ({ value: u.id, label: u.name }))}
                  value={typeof field.value === "string" ? field.value : ""}
                  onChange={field.onChange}
                  onBlur={field.onBlur}
                  placeholder="Choose a user…"
                  {...invalid(errors("userId"), "userId")}
                />
              )}
            />
          </Field>
        ) : (
          <Field label="Role" name="key-role" errors={errors("role")}>
            <Select id="key-role" {...register("role")} {...invalid(errors("role"), "key-role")}>
              {ROLES.map((r) => (
                <option key={r} value={r}>
                  {ROLE_LABELS[r]}
                </option>
              ))}
            </Select>
          </Field>
        )}
        <div className="flex justify-end">
          <Button type="submit" disabled={isPending}>
            {isPending ? "Creating…" : "Create key"}
          </Button>
        </div>
      </form>
    </div>
  );
}
