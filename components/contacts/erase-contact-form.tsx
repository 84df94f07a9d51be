"use client";

import { useRouter } from "next/navigation";
import { toast } from "sonner";
import { FormError } from "@/components/forms/form-error";
import { invalid, useActionForm } from "@/components/forms/use-action-form";
import { Button } from "@/components/ui/button";
import { Field, Input } from "@/components/ui/field";
import { eraseContactAction } from "@/lib/actions/contacts/erase-contact";

/** An admin erases a person's data on their request; what they said stays as anonymous evidence. */
export function EraseContactForm({ contactId }: { contactId: string }) {
  const router = useRouter();
  const form = useActionForm(eraseContactAction, {
    onSuccess: (data) => {
      toast.success("Personal data erased.");
      router.push(`/accounts/${data.accountId}`);
      router.refresh();
    },
  });
  const e = form.fieldErrors;
  return (
    <form onSubmit={form.onSubmit} className="space-y-4" noValidate data-testid="erase-contact-form">
      <FormError message={form.formError} />
      <input type="hidden" name="contactId" value={contactId} />
      <Field label="Reason (kept in the audit log)" name="erase-reason" errors={e.reason}>
        <Input id="erase-reason" name="reason" placeholder="Erasure request received by email on …" {...invalid(e.reason, "erase-reason")} />
      </Field>
      <Field label="Type ERASE to confirm" name="erase-confirm" errors={e.confirm} hint="Name, title, email and phone are replaced, and mentions in notes and evidence are redacted. This cannot be undone.">
        <Input id="erase-confirm" name="confirm" autoComplete="off" {...invalid(e.confirm, "erase-confirm")} />
      </Field>
      <div className="flex justify-end"><Button type="submit" variant="danger" disabled={form.isPending}>{form.isPending ? "Erasing…" : "Erase personal data"}</Button></div>
    </form>
  );
}
