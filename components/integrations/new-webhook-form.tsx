"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { ErrorSummary } from "@/components/forms/error-summary";
import { invalid } from "@/components/forms/form-errors";
import { useZodForm } from "@/components/forms/use-zod-form";
import { Button } from "@/components/ui/button";
import { Field, Input } from "@/components/ui/field";
import { createWebhookAction } from "@/lib/actions/integrations/create-webhook";
import { WEBHOOK_EVENT_TYPES } from "@/lib/webhooks/events";
import { SecretOnce } from "./secret-once";

const blank = { url: "", description: "", events: ["opportunity.stage_changed"] };

export function NewWebhookForm() {
  const router = useRouter();
  const [secret, setSecret] = useState<string | null>(null);
  const { form, onSubmit, isPending, summaryFocus, errors } = useZodForm(
    () => import("@/lib/validation/integrations").then((m) => m.createWebhookSchema),
    createWebhookAction,
    {
      defaultValues: blank,
      onSuccess: (data) => {
        setSecret(data.secret);
        form.reset(blank);
        router.refresh();
      },
    },
  );
  const { register } = form;
  return (
    <div className="space-y-4">
      {secret && (
        <SecretOnce label="Signing secret" value={secret} testId="new-webhook-secret" onDismiss={() => setSecret(null)}>
          Verify each delivery’s <code>Winnow-Signature</code> with it. It is shown only now.
        </SecretOnce>
      )}
      <form onSubmit={onSubmit} className="space-y-4" noValidate data-testid="new-webhook-form">
        <ErrorSummary errors={form.formState.errors} focusKey={summaryFocus} />
        <Field label="Endpoint URL" name="hook-url" errors={errors("url")}>
          <Input id="hook-url" type="url" placeholder="https://example.com/winnow" {...register("url")} {...invalid(errors("url"), "hook-url")} />
        </Field>
        <Field label="Description" name="hook-description" errors={errors("description")}>
          <Input id="hook-description" {...register("description")} {...invalid(errors("description"), "hook-description")} />
        </Field>
        <fieldset {...invalid(errors("events"), "events")}>
          <legend className="text-sm font-medium text-slate-700">Events</legend>
          <div className="mt-2 grid gap-1">
            {WEBHOOK_EVENT_TYPES.map((type) => (
              <label key={type} className="flex items-center gap-2 text-sm text-slate-700">
                <input type="checkbox" value={type} {...register("events")} />
                <code>{type}</code>
              </label>
            ))}
          </div>
          {errors("events") && (
            <p id="events-error" className="mt-1 text-xs font-medium text-rose-600" data-testid="error-events">
              {errors("events")?.[0]}
            </p>
          )}
        </fieldset>
        <div className="flex justify-end">
          <Button type="submit" disabled={isPending}>
            {isPending ? "Adding…" : "Add endpoint"}
          </Button>
        </div>
      </form>
    </div>
  );
}
