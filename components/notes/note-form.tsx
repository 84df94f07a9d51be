"use client";

import { toast } from "@/components/ui/toast";
import { ErrorSummary } from "@/components/forms/error-summary";
import { invalid } from "@/components/forms/form-errors";
import { useZodForm } from "@/components/forms/use-zod-form";
import { focusNewFirst } from "@/components/forms/focus-result";
import { Button } from "@/components/ui/button";
import { Field, Textarea } from "@/components/ui/field";
import { logNoteAction } from "@/lib/actions/notes/log-note";

/** A plain discovery note on an account (opportunity notes use the evidence-aware form). */
export function NoteForm({ accountId, opportunityId }: { accountId?: string; opportunityId?: string }) {
  const blank = { body: "", ...(accountId && { accountId }), ...(opportunityId && { opportunityId }) };
  const { form, onSubmit, isPending, summaryFocus, errors } = useZodForm(
    () => import("@/lib/validation/note").then((m) => m.logNoteSchema),
    logNoteAction,
    {
      defaultValues: blank,
      onSuccess: () => {
        toast.success("Note saved");
        form.reset(blank);
        focusNewFirst('[data-testid="note-list"] > li');
      },
    },
  );
  return (
    <form onSubmit={onSubmit} className="space-y-3" noValidate data-testid="note-form">
      <ErrorSummary errors={form.formState.errors} focusKey={summaryFocus} />
      <Field label="Discovery note" name="body" errors={errors("body")}>
        <Textarea
          id="body"
          placeholder="What did you learn? Pain, budget, who decides, timing…"
          {...form.register("body")}
          onKeyDown={(event) => {
            if (event.key === "Enter" && (event.metaKey || event.ctrlKey)) event.currentTarget.form?.requestSubmit();
          }}
          {...invalid(errors("body"), "body")}
        />
      </Field>
      <div className="flex items-center justify-between">
        <span className="text-xs text-slate-500">Ctrl/⌘ + Enter to save</span>
        <Button type="submit" size="sm" disabled={isPending}>
          {isPending ? "Saving…" : "Save note"}
        </Button>
      </div>
    </form>
  );
}
