"use client";

import { useRouter } from "next/navigation";
import { useRef } from "react";
import { toast } from "sonner";
import { focusPageHeading, focusWhenShown } from "@/components/forms/focus-result";
import { FormError } from "@/components/forms/form-error";
import { invalid, useActionForm } from "@/components/forms/use-action-form";
import { Button } from "@/components/ui/button";
import { Field, Input } from "@/components/ui/field";
import { createContactAction } from "@/lib/actions/contacts/create-contact";
import { updateContactAction } from "@/lib/actions/contacts/update-contact";

export interface ContactFormValues {
  id: string;
  accountId: string;
  name: string;
  title: string | null;
  email: string | null;
  phone: string | null;
}

/** Adds a contact to an account, or edits one when `contact` is given. */
export function ContactForm({ accountId, contact }: { accountId: string; contact?: ContactFormValues }) {
  const ref = useRef<HTMLFormElement>(null);
  const router = useRouter();
  const form = useActionForm(contact ? updateContactAction : createContactAction, {
    onSuccess: (data) => {
      if (contact) {
        toast.success("Contact saved");
        router.push(`/accounts/${accountId}`);
        router.refresh();
        focusPageHeading(`/accounts/${accountId}`);
        return;
      }
      toast.success("Contact added");
      ref.current?.reset();
      focusWhenShown(() => document.querySelector<HTMLElement>(`[data-contact-id="${data.id}"]`));
    },
  });
  const e = form.fieldErrors;
  return (
    <form ref={ref} onSubmit={form.onSubmit} className="space-y-3" noValidate data-testid="contact-form">
      <FormError message={form.formError} />
      <input type="hidden" name="accountId" value={accountId} />
      {contact && <input type="hidden" name="id" value={contact.id} />}
      <div className="grid gap-3 sm:grid-cols-2">
        <Field label="Name" name="contact-name" errors={e.name}>
          <Input id="contact-name" name="name" defaultValue={contact?.name ?? ""} required {...invalid(e.name, "contact-name")} />
        </Field>
        <Field label="Title" name="contact-title" errors={e.title}>
          <Input id="contact-title" name="title" defaultValue={contact?.title ?? ""} {...invalid(e.title, "contact-title")} />
        </Field>
        <Field label="Email" name="contact-email" errors={e.email}>
          <Input id="contact-email" name="email" defaultValue={contact?.email ?? ""} type="email" {...invalid(e.email, "contact-email")} />
        </Field>
        <Field label="Phone" name="contact-phone" errors={e.phone}>
          <Input id="contact-phone" name="phone" defaultValue={contact?.phone ?? ""} type="tel" {...invalid(e.phone, "contact-phone")} />
        </Field>
      </div>
      <div className="flex justify-end">
        <Button type="submit" size="sm" disabled={form.isPending}>{form.isPending ? "Saving…" : contact ? "Save contact" : "Add contact"}</Button>
      </div>
    </form>
  );
}
