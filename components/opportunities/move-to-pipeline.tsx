"use client";

import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { toast } from "sonner";
import { FormError } from "@/components/forms/form-error";
import { useActionForm } from "@/components/forms/use-action-form";
import { Button } from "@/components/ui/button";
import { Field, Input, Select } from "@/components/ui/field";
import { moveToPipelineAction } from "@/lib/actions/opportunities/move-to-pipeline";

interface Target {
  pipelineId: string;
  pipelineName: string;
  stages: Array<{ id: string; label: string }>;
}

/**
 * A manager moves the deal to another pipeline, into one of its open stages. The server checks the new
 * pipeline's gates before that stage; a refusal says which, and the manager may then give a reason and an end
 * date to override them, as on any stage move.
 */
export function MoveToPipeline({ opportunityId, version, targets }: { opportunityId: string; version: number; targets: Target[] }) {
  const router = useRouter();
  const first = targets[0];
  const [choice, setChoice] = useState(first ? `${first.pipelineId}:${first.stages[0]?.id ?? ""}` : "");
  const form = useActionForm(moveToPipelineAction, {
    onSuccess: () => {
      toast.success("Deal moved to the other pipeline and re-assessed");
      router.refresh();
    },
  });
  const blocked = form.serverError?.code === "GATE_BLOCKED";
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const [pipelineId = "", toStage = ""] = choice.split(":");
    const reason = data.get("overrideReason");
    const expires = data.get("overrideExpiresOn");
    form.execute({
      opportunityId,
      version,
      pipelineId,
      toStage,
      ...(typeof reason === "string" && reason.trim() && { overrideReason: reason }),
      ...(typeof expires === "string" && expires && { overrideExpiresOn: expires }),
    });
  };
  if (!first) return null;
  return (
    <form onSubmit={onSubmit} className="space-y-3" data-testid="move-to-pipeline">
      <Field label="Move to" name="target" errors={form.fieldErrors.toStage ?? form.fieldErrors.pipelineId}>
        <Select id="move-target" value={choice} onChange={(e) => setChoice(e.target.value)}>
          {targets.map((t) => (
            <optgroup key={t.pipelineId} label={t.pipelineName}>
              {t.stages.map((s) => (
                <option key={s.id} value={`${t.pipelineId}:${s.id}`}>
                  {t.pipelineName} — {s.label}
                </option>
              ))}
            </optgroup>
          ))}
        </Select>
      </Field>
      <FormError message={form.formError} />
      {blocked && (
        <div className="grid gap-3 sm:grid-cols-2">
          <Field label="Override reason" name="overrideReason" errors={form.fieldErrors.overrideReason}>
            <Input id="move-override-reason" name="overrideReason" />
          </Field>
          <Field label="Override ends on" name="overrideExpiresOn" errors={form.fieldErrors.overrideExpiresOn}>
            <Input id="move-override-expires" name="overrideExpiresOn" type="date" />
          </Field>
        </div>
      )}
      <Button type="submit" size="sm" variant="secondary" disabled={form.isPending}>
        {blocked ? "Move with override" : "Move deal"}
      </Button>
    </form>
  );
}
