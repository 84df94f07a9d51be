"use client";

import { useRouter } from "next/navigation";
import { Controller } from "react-hook-form";
import { toast } from "@/components/ui/toast";
import { ErrorSummary } from "@/components/forms/error-summary";
import { invalid } from "@/components/forms/form-errors";
import { useZodForm } from "@/components/forms/use-zod-form";
import { Button } from "@/components/ui/button";
import { Combobox } from "@/components/ui/combobox";
import { Field, Input } from "@/components/ui/field";
import { moveToPipelineAction } from "@/lib/actions/opportunities/move-to-pipeline";

interface Target {
  pipelineId: string;
  pipelineName: string;
  stages: Array<{ id: string; label: string }>;
}

interface Draft {
  /** "pipelineId:stageId": one pick names both. */
  target: string;
  overrideReason: string;
  overrideExpiresOn: string;
}

/**
 * A manager moves the deal to another pipeline, into one of its open stages. The server checks the new
 * pipeline's gates before that stage; a refusal says which, and the manager may then give a reason and an end
 * date to override them, as on any stage move.
 */
export function MoveToPipeline({ opportunityId, version, targets }: { opportunityId: string; version: number; targets: Target[] }) {
  const router = useRouter();
  const first = targets[0];
  const { form, onSubmit, isPending, serverError, summaryFocus, errors } = useZodForm(
    () => import("@/lib/validation/pipeline").then((m) => m.moveDealPipelineSchema),
    moveToPipelineAction,
    {
      defaultValues: { target: first ? `${first.pipelineId}:${first.stages[0]?.id ?? ""}` : "", overrideReason: "", overrideExpiresOn: "" },
      toInput: (draft: Draft) => {
        const [pipelineId = "", toStage = ""] = draft.target.split(":");
        return { opportunityId, version, pipelineId, toStage, overrideReason: draft.overrideReason, overrideExpiresOn: draft.overrideExpiresOn };
      },
      onSuccess: () => {
        toast.success("Deal moved to the other pipeline and re-assessed");
        router.refresh();
      },
    },
  );
  const blocked = serverError?.code === "GATE_BLOCKED";
  const targetErrors = errors("toStage") ?? errors("pipelineId");
  if (!first) return null;
  return (
    <form onSubmit={onSubmit} className="space-y-3" noValidate data-testid="move-to-pipeline">
      <ErrorSummary errors={form.formState.errors} focusKey={summaryFocus} />
      <Field label="Move to" name="target" errors={targetErrors}>
        <Controller
          control={form.control}
          name="target"
          render={({ field }) => (
            <Combobox
              id="target"
              name="target"
              searchLabel="Search stages"
              options={targets.flatMap((t) => t.stages.map((s) => ({ value: `${t.pipelineId}:${s.id}`, label: s.label, detail: t.pipelineName })))}
              value={field.value}
              onChange={field.onChange}
              onBlur={field.onBlur}
              placeholder="Choose a stage…"
              {...invalid(targetErrors, "target")}
            />
          )}
        />
      </Field>
      {blocked && (
        <div className="grid gap-3 sm:grid-cols-2">
          <Field label="Override reason" name="overrideReason" errors={errors("overrideReason")}>
            <Input id="overrideReason" {...form.register("overrideReason")} {...invalid(errors("overrideReason"), "overrideReason")} />
          </Field>
          <Field label="Override ends on" name="overrideExpiresOn" errors={errors("overrideExpiresOn")}>
            <Input
              id="overrideExpiresOn"
              type="date"
              {...form.register("overrideExpiresOn")}
              {...invalid(errors("overrideExpiresOn"), "overrideExpiresOn")}
            />
          </Field>
        </div>
      )}
      <Button type="submit" size="sm" variant="secondary" disabled={isPending}>
        {blocked ? "Move with override" : "Move deal"}
      </Button>
    </form>
  );
}
