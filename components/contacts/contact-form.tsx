"use client";

import { useRouter } from "next/navigation";
import { toast } from "@/components/ui/toast";
import { AccountField } from "@/components/accounts/account-field";
import { ErrorSummary } from "@/components/forms/error-summary";
import { invalid } from "@/components/forms/form-errors";
import { useZodForm } from "@/components/forms/use-zod-form";
import { focusPageHeading, focusWhenShown } from "@/components/forms/focus-result";
import { Button } from "@/components/ui/button";
import { Field, Input } from "@/components/ui/field";
import { createContactAction } from "@/lib/actions/contacts/create-contact";
import { updateContactAction } from "@/lib/actions/contacts/update-contact";
import type { createContactSchema } from "@/lib/validation/contact";

export interface ContactFormValues {
  id: string;
  accountId: string;
  name: string;
  title: string | null;
  email: string | null;
  phone: string | null;
}

/**
 * Adds a contact, or edits one when `contact` is given. With `accountId` the account is fixed (the account's
 * page); without it the form asks for the account and opens the new contact's page once saved.
 */
export function ContactForm({ accountId, contact, autoFocus }: { accountId?: string; contact?: ContactFormValues; autoFocus?: boolean }) {
  const router = useRouter();
  const blank = { accountId: accountId ?? "", name: "", title: "", email: "", phone: "" };
  // The edit's schema is the create's plus the id, carried as a default value the user never sees.
  const [schema, action] = contact
    ? ([() => import("@/lib/validation/contact").then((m) => m.updateContactSchema), updateContactAction] as unknown as [
        () => Promise<typeof createContactSchema>,
        typeof createContactAction,
      ])
    : [() => import("@/lib/validation/contact").then((m) => m.createContactSchema), createContactAction];
  const { form, onSubmit, isPending, summaryFocus, errors } = useZodForm(schema, action, {
    defaultValues: {
      ...blank,
      ...(contact && { id: contact.id, name: contact.name, title: contact.title ?? "", email: contact.email ?? "", phone: contact.phone ?? "" }),
    },
    onSuccess: (data) => {
      if (contact || !accountId) {
        toast.success(contact ? "Contact saved" : "Contact added");
        router.push(`/contacts/${data.id}`);
        router.refresh();
        focusPageHeading(`/contacts/${data.id}`);
        return;
      }
      toast.success("Contact added");
      form.reset(blank);
      focusWhenShown(() => document.querySelector<HTMLElement>(`[data-contact-id="${data.id}"]`));
    },
  });
  const { register } = form;
  return (
    <form onSubmit={onSubmit} className="space-y-3" noValidate data-testid="contact-form">
      <ErrorSummary errors={form.formState.errors} focusKey={summaryFocus} />
      <div className="grid gap-3 sm:grid-cols-2">
        {!accountId && <AccountField control={form.control} errors={errors("accountId")} className="sm:col-span-2" />}
        <Field label="Name" name="contact-name" errors={errors("name")}>
          <Input id="contact-name" autoFocus={autoFocus} {...register("name")} {...invalid(errors("name"), "contact-name")} />
        </Field>
        <Field label="Title" name="contact-title" errors={errors("title")}>
          <Input id="contact-title" {...register("title")} {...invalid(errors("title"), "contact-title")} />
        </Field>
        <Field label="Email" name="contact-email" errors={errors("email")}>
          <Input id="contact-email" type="email" {...register("email")} {...invalid(errors("email"), "contact-email")} />
        </Field>
        <Field label="Phone" name="contact-phone" errors={errors("phone")}>
          <Input id="contact-phone" type="tel" {...register("phone")} {...invalid(errors("phone"), "contact-phone")} />
        </Field>
      </div>
      <div className="flex justify-end">
        <Button type="submit" size="sm" disabled={isPending}>
          {isPending ? "Saving…" : contact ? "Save contact" : "Add contact"}
        </Button>
      </div>
    </form>
  );
}
