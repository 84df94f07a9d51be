"use client";

import { useRef } from "react";
import { toast } from "sonner";
import { FormError } from "@/components/forms/form-error";
import { invalid, useActionForm } from "@/components/forms/use-action-form";
import { Button } from "@/components/ui/button";
import { Field, Input } from "@/components/ui/field";
import { createContactAction } from "@/lib/actions/contacts/create-contact";

export function ContactForm({ accountId }: { accountId: string }) {
  const ref = useRef<HTMLFormElement>(null);
  const form = useActionForm(createContactAction, {
    onSuccess: () => {
      toast.success("Contact added");
      ref.current?.reset();
    },
  });
  const e = form.fieldErrors;
  return (
    <form ref={ref} onSubmit={form.onSubmit} className="space-y-3" noValidate data-testid="contact-form">
      <FormError message={form.formError} />
      <input type="hidden" name="accountId" value={accountId} />
      <div className="grid gap-3 sm:grid-cols-2">
        <Field label="Name" name="contact-name" errors={e.name}>
          <Input id="contact-name" name="name" required {...invalid(e.name, "contact-name")} />
        </Field>
        <Field label="Title" name="contact-title" errors={e.title}>
          <Input id="contact-title" name="title" {...invalid(e.title, "contact-title")} />
        </Field>
        <Field label="Email" name="contact-email" errors={e.email}>
          <Input id="contact-email" name="email" type="email" {...invalid(e.email, "contact-email")} />
        </Field>
        <Field label="Phone" name="contact-phone" errors={e.phone}>
          <Input id="contact-phone" name="phone" type="tel" {...invalid(e.phone, "contact-phone")} />
        </Field>
      </div>
      <div className="flex justify-end">
        <Button type="submit" size="sm" disabled={form.isPending}>{form.isPending ? "Adding…" : "Add contact"}</Button>
      </div>
    </form>
  );
}
