"use client";

import { useRouter } from "next/navigation";
import { useMemo, useState, type FormEvent } from "react";
import { toast } from "sonner";
import { FormError } from "@/components/forms/form-error";
import { useActionForm } from "@/components/forms/use-action-form";
import { Button } from "@/components/ui/button";
import { savePipelineAction } from "@/lib/actions/settings/save-pipeline";
import type { Pipeline } from "@/lib/qualification";
import { issuesByPath, savePipelineSchema, type PathErrors, type SavePipelineInput } from "@/lib/validation/settings";
import { criterionLabeller } from "./requirement-text";
import { StageRow, type StageDraft } from "./stage-row";

interface Props {
  /** The pipeline being edited. */
  pipelineId: string;
  frameworkName: string;
  criteria: Array<{ id: string; label: string }>;
  pipeline: Pipeline;
  editable: boolean;
}

/** Percent without float noise: 0.35 shows as 35, 0.125 as 12.5. */
const toPercent = (p: number) => String(Math.round(p * 1000) / 10);

const toDraft = (pipeline: Pipeline): StageDraft[] =>
  pipeline.stages.map((s) => ({ id: s.id, label: s.label, probability: toPercent(s.probability), kind: s.kind, exit: s.exit }));

/** A blank probability must fail as "a number", not pass as 0. */
const toNumber = (raw: string) => (raw.trim() === "" ? Number.NaN : Number(raw.trim()));

const toInput = (draft: StageDraft[], pipelineId: string): SavePipelineInput => ({
  pipelineId,
  stages: draft.map((s) => ({ id: s.id, label: s.label, probability: toNumber(s.probability), exit: s.exit })),
});

/**
 * The organization's stages with their exit gates. Edits stay local until "Save pipeline", which replaces the
 * whole pipeline at once, so a half-edited gate never applies to deals.
 */
export function PipelineEditor({ pipelineId, frameworkName, criteria, pipeline, editable }: Props) {
  const router = useRouter();
  const initial = useMemo(() => toDraft(pipeline), [pipeline]);
  const [draft, setDraft] = useState(initial);
  const [localErrors, setLocalErrors] = useState<PathErrors>({});
  const criterionLabel = useMemo(() => criterionLabeller(criteria), [criteria]);
  const form = useActionForm(savePipelineAction, {
    onSuccess: () => {
      toast.success("Pipeline saved: the new gates apply to every stage change from now on");
      router.refresh();
    },
  });
  const dirty = JSON.stringify(draft) !== JSON.stringify(initial);
  const errors: PathErrors = { ...form.fieldErrors, ...localErrors };
  const problemCount = Object.values(errors).filter((e) => e?.length).length;
  const formError = form.formError ?? (problemCount > 0 ? "Some stages need attention: see the messages below." : undefined);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    form.reset();
    // The same schema the server applies, run first so each message lands next to its field.
    const parsed = savePipelineSchema.safeParse(toInput(draft, pipelineId));
    if (!parsed.success) {
      setLocalErrors(issuesByPath(parsed.error.issues));
      return;
    }
    setLocalErrors({});
    form.execute(toInput(draft, pipelineId));
  }

  const update = (index: number, stage: StageDraft) => {
    setDraft((stages) => stages.map((s, i) => (i === index ? stage : s)));
    setLocalErrors({});
  };

  return (
    <form onSubmit={onSubmit} noValidate data-testid="pipeline-form">
      {editable && (
        <div className="px-5 pt-4">
          <FormError message={formError} />
        </div>
      )}
      <ol className="divide-y divide-border">
        {draft.map((stage, i) => (
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
            <Button
              type="button"
              variant="secondary"
              disabled={!dirty || form.isPending}
              onClick={() => {
                setDraft(initial);
                setLocalErrors({});
                form.reset();
              }}
            >
              Discard
            </Button>
            <Button type="submit" disabled={!dirty || form.isPending}>
              {form.isPending ? "Saving…" : "Save pipeline"}
            </Button>
          </div>
        )}
      </div>
    </form>
  );
}
