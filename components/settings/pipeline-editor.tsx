"use client";

import { useRouter } from "next/navigation";
import { useMemo } from "react";
import { useWatch } from "react-hook-form";
import { toast } from "@/components/ui/toast";
import { ErrorSummary } from "@/components/forms/error-summary";
import { pathErrors } from "@/components/forms/form-errors";
import { useUnsavedChangesGuard } from "@/components/forms/use-unsaved-changes-guard";
import { useZodForm } from "@/components/forms/use-zod-form";
import { Button } from "@/components/ui/button";
import { savePipelineAction } from "@/lib/actions/settings/save-pipeline";
import type { Pipeline } from "@/lib/qualification";
import { criterionLabeller } from "./requirement-text";
import { toDraft, toInput, type Draft } from "./pipeline-draft";
import { StageRow, type StageDraft } from "./stage-row";
import { useHydrationGate } from "@/components/ui/use-hydrated";

interface Props {
  /** The pipeline being edited. */
  pipelineId: string;
  frameworkName: string;
  criteria: Array<{ id: string; label: string }>;
  pipeline: Pipeline;
  editable: boolean;
}

/**
 * The organization's stages with their exit gates. Edits stay local until "Save pipeline", which replaces the
 * whole pipeline at once, so a half-edited gate never applies to deals. Leaving with unsaved edits asks first.
 */
export function PipelineEditor({ pipelineId, frameworkName, criteria, pipeline, editable }: Props) {
  const hydration = useHydrationGate();
  const router = useRouter();
  const initial = useMemo(() => toDraft(pipeline), [pipeline]);
  const criterionLabel = useMemo(() => criterionLabeller(criteria), [criteria]);
  const { form, onSubmit, isPending, summaryFocus } = useZodForm(
    () => import("@/lib/validation/settings").then((m) => m.savePipelineSchema),
    savePipelineAction,
    {
      defaultValues: initial,
      // The same schema the server applies judges the draft as numbers, so each message lands next to its field.
      toInput: (draft: Draft) => toInput(draft, pipelineId),
      onSuccess: () => {
        form.reset(form.getValues());
        toast.success("Pipeline saved: the new gates apply to every stage change from now on");
        router.refresh();
      },
    },
  );
  const stages = useWatch({ control: form.control, name: "stages" });
  const dirty = form.formState.isDirty;
  useUnsavedChangesGuard(editable && dirty);
  const errors = pathErrors(form.formState.errors);

  const update = (index: number, stage: StageDraft) => {
    form.setValue(
      "stages",
      stages.map((s, i) => (i === index ? stage : s)),
      { shouldDirty: true },
    );
    form.clearErrors();
  };

  return (
    <form onSubmit={onSubmit} noValidate data-testid="pipeline-form" {...hydration}>
      {editable && (
        <div className="px-5 pt-4">
          <ErrorSummary errors={form.formState.errors} focusKey={summaryFocus} />
        </div>
      )}
      <ol className="divide-y divide-border">
        {stages.map((stage, i) => (
          <StageRow
            key={stage.id}
            stage={stage}
            index={i}
            editable={editable}
            errors={errors}
            criteria={criteria}
            criterionLabel={criterionLabel}
            onChange={(s) => update(i, s)}
          />
        ))}
      </ol>
      <div className="flex flex-wrap items-center justify-between gap-3 border-t border-border px-5 py-3">
        <p className="text-xs text-muted-foreground">
          Criterion requirements use {frameworkName}&apos;s criteria. Add, remove and reorder stages in the Stages section above.
        </p>
        {editable && (
          <div className="flex items-center gap-2">
            {dirty && (
              <span className="text-xs font-medium text-amber-700" data-testid="unsaved">
                Unsaved changes
              </span>
            )}
            <Button type="button" variant="secondary" disabled={!dirty || isPending} onClick={() => form.reset(initial)}>
              Discard
            </Button>
            <Button type="submit" disabled={!dirty || isPending}>
              {isPending ? "Saving…" : "Save pipeline"}
            </Button>
          </div>
        )}
      </div>
    </form>
  );
}
