"use client";

import { useRouter } from "next/navigation";
import { toast } from "@/components/ui/toast";
import { ErrorSummary } from "@/components/forms/error-summary";
import { invalid } from "@/components/forms/form-errors";
import { useZodForm } from "@/components/forms/use-zod-form";
import { Button } from "@/components/ui/button";
import { Field, Input } from "@/components/ui/field";
import { eraseContactAction } from "@/lib/actions/contacts/erase-contact";

/** An admin erases a person's data on their request; what they said stays as anonymous evidence. */
export function EraseContactForm({ contactId }: { contactId: string }) {
  const router = useRouter();
  const { form, onSubmit, isPending, summaryFocus, errors } = useZodForm(
    () => import("@/lib/validation/contact").then((m) => m.eraseContactSchema),
    eraseContactAction,
    {
      defaultValues: { contactId, reason: "" },
      onSuccess: (data) => {
        toast.success("Personal data erased.");
        router.push(`/accounts/${data.accountId}`);
        router.refresh();
      },
    },
  );
  return (
    <form onSubmit={onSubmit} className="space-y-4" noValidate data-testid="erase-contact-form">
      <ErrorSummary errors={form.formState.errors} focusKey={summaryFocus} />
      <Field label="Reason (kept in the audit log)" name="erase-reason" errors={errors("reason")}>
        <Input
          id="erase-reason"
          placeholder="Erasure request received by email on …"
          {...form.register("reason")}
          {...invalid(errors("reason"), "erase-reason")}
        />
      </Field>
      <Field
        label="Type ERASE to confirm"
        name="erase-confirm"
        errors={errors("confirm")}
        hint="Name, title, email and phone are replaced, and mentions in notes and evidence are redacted. This cannot be undone."
      >
        <Input id="erase-confirm" autoComplete="off" {...form.register("confirm")} {...invalid(errors("confirm"), "erase-confirm")} />
      </Field>
      <div className="flex justify-end">
        <Button type="submit" variant="danger" disabled={isPending}>
          {isPending ? "Erasing…" : "Erase personal data"}
        </Button>
      </div>
    </form>
  );
}
