"use client";

import { Plus } from "lucide-react";
import { useAction } from "next-safe-action/hooks";
import { useRouter } from "next/navigation";
import { useEffect, useMemo, useState } from "react";
import { useWatch } from "react-hook-form";
import { toast } from "@/components/ui/toast";
import { ErrorSummary } from "@/components/forms/error-summary";
import { invalid, pathErrors } from "@/components/forms/form-errors";
import { useUnsavedChangesGuard } from "@/components/forms/use-unsaved-changes-guard";
import { useZodForm } from "@/components/forms/use-zod-form";
import { Button } from "@/components/ui/button";
import { Field, Input, Select, Textarea } from "@/components/ui/field";
import { createIcpVersionAction } from "@/lib/actions/icp/create-icp-version";
import { previewIcpAction } from "@/lib/actions/icp/preview-icp";
import type { IcpRule, IcpRuleKind } from "@/lib/qualification";
import type { FitPreview } from "@/lib/server/icp/preview";
import { FitPreviewView } from "./fit-preview";
import { icpIssues, newDraft, RULE_KINDS, toIcpDraft, toIcpInput, type IcpDraft, type RuleDraft } from "./rule-draft";
import { RuleRow } from "./rule-row";

interface Props {
  /** The version being edited (0 when there is none yet); the save becomes version + 1. */
  basedOnVersion: number;
  rules: IcpRule[];
  pursueThreshold: number;
  disqualifyBelow: number | null;
}

/**
 * Marketing's ICP editor. A save never changes the current version: it creates the next one. The draft lives in
 * react-hook-form, judged by the server's schema and the engine's own validation before a round trip, with each
 * message beside its field (a rule's too) and in the summary; leaving with unsaved edits asks first.
 */
export function IcpEditor({ basedOnVersion, rules, pursueThreshold, disqualifyBelow }: Props) {
  const router = useRouter();
  const initial = useMemo(() => toIcpDraft(rules, pursueThreshold, disqualifyBelow), [rules, pursueThreshold, disqualifyBelow]);
  const [newKind, setNewKind] = useState<IcpRuleKind>("industry_in");
  const [draftPreview, setDraftPreview] = useState<FitPreview | null>(null);
  const { form, onSubmit, isPending, summaryFocus, errors, validInput, refuse } = useZodForm(
    () => import("@/lib/validation/icp").then((m) => m.saveIcpSchema),
    createIcpVersionAction,
    {
      defaultValues: initial,
      toInput: (draft: IcpDraft) => toIcpInput(draft, basedOnVersion),
      check: icpIssues,
      onSuccess: (data) => {
        form.reset(form.getValues());
        toast.success(`Saved ICP version ${data.version}; fit scores now use it`);
        router.refresh();
      },
    },
  );
  const drafts = useWatch({ control: form.control, name: "rules" });
  useUnsavedChangesGuard(form.formState.isDirty);
  const ruleErrors = pathErrors(form.formState.errors);
  const preview = useAction(previewIcpAction);

  // A preview shows the draft it was made from: any edit makes it stale.
  useEffect(() => {
    const subscription = form.watch(() => setDraftPreview(null));
    return () => subscription.unsubscribe();
  }, [form]);

  const setRules = (next: RuleDraft[]) => {
    form.setValue("rules", next, { shouldDirty: true });
    form.clearErrors();
  };

  function addRule() {
    setRules([
      ...drafts,
      newDraft(
        newKind,
        drafts.map((r) => r.id),
      ),
    ]);
    // The new rule's first field to type in: its name.
    const at = drafts.length;
    requestAnimationFrame(() => document.getElementById(`rules.${at}.label`)?.focus());
  }

  async function runPreview() {
    const input = await validInput();
    if (!input) return;
    const outcome = await preview.executeAsync({
      rules: input.rules,
      pursueThreshold: input.pursueThreshold,
      disqualifyBelow: input.disqualifyBelow,
    });
    if (outcome.data) setDraftPreview(outcome.data);
    else refuse(outcome);
  }

  const busy = isPending || preview.isPending;

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4" data-testid="icp-form">
      <ErrorSummary errors={form.formState.errors} focusKey={summaryFocus} />
      {drafts.length === 0 ? (
        <p className="rounded-md bg-slate-50 px-3 py-4 text-sm text-slate-500">No rules yet. With no rules every account counts as a fit.</p>
      ) : (
        <ol className="divide-y divide-slate-100">
          {drafts.map((d, i) => (
            <RuleRow
              key={d.key}
              draft={d}
              index={i}
              errors={ruleErrors}
              onChange={(next) => setRules(drafts.map((x) => (x.key === d.key ? next : x)))}
              onRemove={() => setRules(drafts.filter((x) => x.key !== d.key))}
            />
          ))}
        </ol>
      )}
      <div className="flex flex-wrap items-end gap-2">
        <Field label="Add a rule" name="new-rule-kind" className="w-64">
          <Select id="new-rule-kind" value={newKind} onChange={(e) => setNewKind(e.target.value as IcpRuleKind)}>
            {(Object.keys(RULE_KINDS) as IcpRuleKind[]).map((k) => (
              <option key={k} value={k}>
                {RULE_KINDS[k].title}
              </option>
            ))}
          </Select>
        </Field>
        <Button type="button" variant="secondary" onClick={addRule}>
          <Plus className="size-4" aria-hidden />
          Add rule
        </Button>
      </div>

      <div className="grid gap-4 border-t border-slate-100 pt-4 sm:grid-cols-3">
        <Field
          label="Pursue at fit ≥"
          name="pursueThreshold"
          errors={errors("pursueThreshold")}
          hint="0–100: at or above this, the account is worth pursuing."
        >
          <Input
            id="pursueThreshold"
            inputMode="numeric"
            {...form.register("pursueThreshold")}
            {...invalid(errors("pursueThreshold"), "pursueThreshold")}
          />
        </Field>
        <Field
          label="Not a fit below (optional)"
          name="disqualifyBelow"
          errors={errors("disqualifyBelow")}
          hint="If even the best case scores lower, the account is not a fit."
        >
          <Input
            id="disqualifyBelow"
            inputMode="numeric"
            placeholder="no floor"
            {...form.register("disqualifyBelow")}
            {...invalid(errors("disqualifyBelow"), "disqualifyBelow")}
          />
        </Field>
        <Field label="What changed and why (optional)" name="note" errors={errors("note")}>
          <Textarea id="note" className="min-h-10" rows={2} {...form.register("note")} {...invalid(errors("note"), "note")} />
        </Field>
      </div>

      {draftPreview && (
        <div className="rounded-md p-4 ring-1 ring-indigo-200" data-testid="draft-preview">
          <h3 className="mb-3 text-sm font-semibold text-slate-900">Preview of this draft (not saved)</h3>
          <FitPreviewView preview={draftPreview} />
        </div>
      )}

      <div className="flex flex-wrap items-center justify-end gap-2">
        <span className="mr-auto text-xs text-slate-500">Saving creates version {basedOnVersion + 1}; earlier versions stay as they were.</span>
        <Button type="button" variant="secondary" disabled={busy} onClick={() => void runPreview()}>
          {preview.isPending ? "Scoring accounts…" : "Preview draft"}
        </Button>
        <Button type="submit" disabled={busy}>
          {isPending ? "Saving…" : `Save as version ${basedOnVersion + 1}`}
        </Button>
      </div>
    </form>
  );
}
