"use client";

import { useRouter } from "next/navigation";
import { useRef, useState } from "react";
import { FormError } from "@/components/forms/form-error";
import { invalid, useActionForm } from "@/components/forms/use-action-form";
import { Button } from "@/components/ui/button";
import { Field, Input } from "@/components/ui/field";
import { createWebhookAction } from "@/lib/actions/integrations/create-webhook";
import { WEBHOOK_EVENT_TYPES } from "@/lib/webhooks/events";
import { SecretOnce } from "./secret-once";

export function NewWebhookForm() {
  const router = useRouter();
  const ref = useRef<HTMLFormElement>(null);
  const [secret, setSecret] = useState<string | null>(null);
  const form = useActionForm(createWebhookAction, {
    arrays: ["events"],
    onSuccess: (data) => {
      setSecret(data.secret);
      ref.current?.reset();
      router.refresh();
    },
  });
  const e = form.fieldErrors;
  return (
    <div className="space-y-4">
      {secret && (
        <SecretOnce label="Signing secret" value={secret} testId="new-webhook-secret" onDismiss={() => setSecret(null)}>
          Verify each delivery’s <code>Winnow-Signature</code> with it. It is shown only now.
        </SecretOnce>
      )}
      <form ref={ref} onSubmit={form.onSubmit} className="space-y-4" noValidate data-testid="new-webhook-form">
        <FormError message={form.formError} />
        <Field label="Endpoint URL" name="hook-url" errors={e.url}>
          <Input id="hook-url" name="url" type="url" placeholder="https://example.com/winnow" {...invalid(e.url, "hook-url")} />
        </Field>
        <Field label="Description" name="hook-description" errors={e.description}>
          <Input id="hook-description" name="description" />
        </Field>
        <fieldset>
          <legend className="text-sm font-medium text-slate-700">Events</legend>
          <div className="mt-2 grid gap-1">
            {WEBHOOK_EVENT_TYPES.map((type) => (
              <label key={type} className="flex items-center gap-2 text-sm text-slate-700">
                <input type="checkbox" name="events" value={type} defaultChecked={type === "opportunity.stage_changed"} />
                <code>{type}</code>
              </label>
            ))}
          </div>
          {e.events?.map((m) => (
            <p key={m} className="mt-1 text-sm text-rose-700">
              {m}
            </p>
          ))}
        </fieldset>
        <div className="flex justify-end">
          <Button type="submit" disabled={form.isPending}>
            {form.isPending ? "Adding…" : "Add endpoint"}
          </Button>
        </div>
      </form>
    </div>
  );
}
