"use client";

import { Plus } from "lucide-react";
import { useRouter } from "next/navigation";
import { useMemo, useState } from "react";
import { useWatch } from "react-hook-form";
import { toast } from "@/components/ui/toast";
import { ErrorSummary } from "@/components/forms/error-summary";
import { invalid, pathErrors } from "@/components/forms/form-errors";
import { useUnsavedChangesGuard } from "@/components/forms/use-unsaved-changes-guard";
import { useZodForm } from "@/components/forms/use-zod-form";
import { Button } from "@/components/ui/button";
import { Field, Input } from "@/components/ui/field";
import { saveCustomFrameworkAction } from "@/lib/actions/settings/save-custom-framework";
import type { CriterionDefinition, Framework, TemplateKey } from "@/lib/qualification";
import { blankCriterion, CriterionFields, toCriterionDraft, type CriterionDraft } from "./criterion-fields";
import { toFramework, toInput, type Draft } from "./framework-draft";
import { ScorecardPreview } from "./scorecard-preview";
import { useHydrationGate } from "@/components/ui/use-hydrated";

interface Props {
  /** The pipeline being edited. */
  pipelineId: string;
  templates: Array<Framework & { key: TemplateKey }>;
  current: Framework;
  archived: CriterionDefinition[];
  version: number;
  editable: boolean;
}

const toDraft = (f: Framework, name = f.name): Draft => ({ name, criteria: f.criteria.map(toCriterionDraft) });

/**
 * Build the organization's own framework, from a template or from scratch. Saving makes a new version: deals
 * keep their evidence, removed criteria are archived and stay in each deal's history.
 */
export function FrameworkBuilder({ pipelineId, templates, current, archived, version, editable }: Props) {
  const hydration = useHydrationGate();
  const router = useRouter();
  const [now] = useState(() => new Date());
  const { form, onSubmit, isPending, summaryFocus, errors } = useZodForm(
    () => import("@/lib/validation/framework-setup").then((m) => m.saveCustomFrameworkSchema),
    saveCustomFrameworkAction,
    {
      defaultValues: toDraft(current, current.key === "custom" ? current.name : `Our ${current.name}`),
      // The server's schema judges the draft as it will be sent: numbers parsed, one question per line.
      toInput: (d: Draft) => toInput(d, version, pipelineId),
      onSuccess: (data) => {
        form.reset(form.getValues());
        const removed =
          data.change.removed.length > 0 ? ` ${data.change.removed.length} criterion(s) archived; their evidence stays in each deal's history.` : "";
        toast.success(`Framework saved as version ${data.version}.${removed}`);
        router.refresh();
      },
    },
  );
  const name = useWatch({ control: form.control, name: "name" });
  const criteria = useWatch({ control: form.control, name: "criteria" });
  const input = useMemo(() => toInput({ name, criteria }, version, pipelineId), [name, criteria, version, pipelineId]);
  const framework = useMemo(() => toFramework(input), [input]);
  const byPath = pathErrors(form.formState.errors);
  useUnsavedChangesGuard(editable && form.formState.isDirty);

  const setCriteria = (change: (criteria: CriterionDraft[]) => CriterionDraft[]) => {
    form.setValue("criteria", change(form.getValues("criteria")), { shouldDirty: true });
    form.clearErrors();
  };
  const start = (f: Framework, name: string) => {
    const next = toDraft(f, name);
    form.setValue("name", next.name, { shouldDirty: true });
    setCriteria(() => next.criteria);
  };

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4" data-testid="framework-builder" {...hydration}>
      {editable && (
        <div className="flex flex-wrap items-center gap-2 text-sm">
          <span className="text-slate-600">Start from:</span>
          {templates.map((t) => (
            <Button key={t.key} type="button" variant="secondary" size="sm" onClick={() => start(t, `Our ${t.name}`)}>
              {t.name}
            </Button>
          ))}
          {current.key === "custom" && (
            <Button type="button" variant="secondary" size="sm" onClick={() => start(current, current.name)}>
              Current ({current.name})
            </Button>
          )}
          <Button type="button" variant="secondary" size="sm" onClick={() => start({ key: "custom", name: "", criteria: [] }, "")}>
            Scratch
          </Button>
        </div>
      )}
      <ErrorSummary errors={form.formState.errors} focusKey={summaryFocus} />
      <Field label="Framework name" name="framework-name" errors={errors("name")}>
        <Input id="framework-name" disabled={!editable} {...form.register("name")} {...invalid(errors("name"), "framework-name")} />
      </Field>
      <div className="space-y-3">
        {criteria.map((c, i) => (
          <CriterionFields
            key={i}
            index={i}
            criterion={c}
            errors={byPath}
            editable={editable}
            onChange={(next) => setCriteria((all) => all.map((x, j) => (j === i ? next : x)))}
            onRemove={() => setCriteria((all) => all.filter((_, j) => j !== i))}
          />
        ))}
      </div>
      {editable && (
        <Button type="button" variant="secondary" onClick={() => setCriteria((all) => [...all, blankCriterion(all.length + 1)])}>
          <Plus className="size-4" aria-hidden /> Add criterion
        </Button>
      )}
      <ScorecardPreview framework={framework} now={now} />
      {archived.length > 0 && (
        <p className="text-xs text-slate-500" data-testid="archived-criteria">
          Archived (no longer scored, evidence kept in deal history): {archived.map((c) => c.label).join(", ")}.
        </p>
      )}
      {editable && (
        <div className="flex items-center justify-between gap-3 border-t border-slate-100 pt-3">
          <p className="text-xs text-slate-500">
            Saving makes version {version + 1}. Gates on removed criteria are dropped; every deal is re-scored.
          </p>
          <Button type="submit" disabled={isPending}>
            {isPending ? "Saving…" : "Save framework"}
          </Button>
        </div>
      )}
    </form>
  );
}
