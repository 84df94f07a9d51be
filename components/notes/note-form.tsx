"use client";

import { useRef } from "react";
import { toast } from "sonner";
import { focusNewFirst } from "@/components/forms/focus-result";
import { FormError } from "@/components/forms/form-error";
import { invalid, useActionForm } from "@/components/forms/use-action-form";
import { Button } from "@/components/ui/button";
import { Field, Textarea } from "@/components/ui/field";
import { logNoteAction } from "@/lib/actions/notes/log-note";

/** A plain discovery note on an account (opportunity notes use the evidence-aware form). */
export function NoteForm({ accountId, opportunityId }: { accountId?: string; opportunityId?: string }) {
  const ref = useRef<HTMLFormElement>(null);
  const form = useActionForm(logNoteAction, {
    onSuccess: () => {
      toast.success("Note saved");
      ref.current?.reset();
      focusNewFirst('[data-testid="note-list"] > li');
    },
  });
  return (
    <form ref={ref} onSubmit={form.onSubmit} className="space-y-3" noValidate data-testid="note-form">
      <FormError message={form.formError} />
      {accountId && <input type="hidden" name="accountId" value={accountId} />}
      {opportunityId && <input type="hidden" name="opportunityId" value={opportunityId} />}
      <Field label="Discovery note" name="body" errors={form.fieldErrors.body}>
        <Textarea
          id="body"
          name="body"
          placeholder="What did you learn? Pain, budget, who decides, timing…"
          onKeyDown={(event) => {
            if (event.key === "Enter" && (event.metaKey || event.ctrlKey)) event.currentTarget.form?.requestSubmit();
          }}
          {...invalid(form.fieldErrors.body, "body")}
        />
      </Field>
      <div className="flex items-center justify-between">
        <span className="text-xs text-slate-500">Ctrl/⌘ + Enter to save</span>
        <Button type="submit" size="sm" disabled={form.isPending}>{form.isPending ? "Saving…" : "Save note"}</Button>
      </div>
    </form>
  );
}
