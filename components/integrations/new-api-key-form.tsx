"use client";

import { useRouter } from "next/navigation";
import { useRef, useState } from "react";
import { FormError } from "@/components/forms/form-error";
import { invalid, useActionForm } from "@/components/forms/use-action-form";
import { Button } from "@/components/ui/button";
import { Field, Input, Select } from "@/components/ui/field";
import { createApiKeyAction } from "@/lib/actions/integrations/create-api-key";
import { ROLE_LABELS, ROLES } from "@/lib/permissions";
import { SecretOnce } from "./secret-once";

/** Creates a key and shows its token once; it is stored only as a hash, so it cannot be shown again. */
export function NewApiKeyForm({ users }: { users: Array<{ id: string; name: string }> }) {
  const router = useRouter();
  const ref = useRef<HTMLFormElement>(null);
  const [actAs, setActAs] = useState<"role" | "user">("role");
  const [created, setCreated] = useState<{ name: string; token: string } | null>(null);
  const form = useActionForm(createApiKeyAction, {
    onSuccess: (data) => {
      setCreated({ name: data.name, token: data.token });
      ref.current?.reset();
      setActAs("role");
      router.refresh();
    },
  });
  const e = form.fieldErrors;
  return (
    <div className="space-y-4">
      {created && (
        <SecretOnce label={`API key “${created.name}”`} value={created.token} testId="new-api-key-token" onDismiss={() => setCreated(null)}>
          Copy it now: this is the only time Winnow shows it. Send it as <code>Authorization: Bearer …</code>.
        </SecretOnce>
      )}
      <form ref={ref} onSubmit={form.onSubmit} className="space-y-4" noValidate data-testid="new-api-key-form">
        <FormError message={form.formError} />
        <Field label="Name" name="key-name" errors={e.name} hint="What uses it, e.g. “Warehouse sync”.">
          <Input id="key-name" name="name" {...invalid(e.name, "key-name")} />
        </Field>
        <Field label="Acts as" name="key-act-as" errors={e.actAs}>
          <Select id="key-act-as" name="actAs" value={actAs} onChange={(ev) => setActAs(ev.target.value as "role" | "user")}>
            <option value="role">A role (changes are made in your name)</option>
            <option value="user">A named user (with that user’s role)</option>
          </Select>
        </Field>
        {actAs === "role" ? (
          <Field label="Role" name="key-role" errors={e.role}>
            <Select id="key-role" name="role" defaultValue="rep">
              {ROLES.map((r) => (
                <option key={r} value={r}>
                  {ROLE_LABELS[r]}
                </option>
              ))}
            </Select>
          </Field>
        ) : (
          <Field label="User" name="key-user" errors={e.userId}>
            <Select id="key-user" name="userId" defaultValue="">
              <option value="">Choose…</option>
              {users.map((u) => (
                <option key={u.id} value={u.id}>
                  {u.name}
                </option>
              ))}
            </Select>
          </Field>
        )}
        <div className="flex justify-end">
          <Button type="submit" disabled={form.isPending}>
            {form.isPending ? "Creating…" : "Create key"}
          </Button>
        </div>
      </form>
    </div>
  );
}
