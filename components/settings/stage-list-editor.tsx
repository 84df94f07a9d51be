"use client";

import { ArrowDown, ArrowUp, Plus, Trash2 } from "lucide-react";
import { useRouter } from "next/navigation";
import { useMemo, useState } from "react";
import { useWatch } from "react-hook-form";
import { toast } from "@/components/ui/toast";
import { ErrorSummary } from "@/components/forms/error-summary";
import { invalid, pathErrors } from "@/components/forms/form-errors";
import { useUnsavedChangesGuard } from "@/components/forms/use-unsaved-changes-guard";
import { useZodForm } from "@/components/forms/use-zod-form";
import { Button } from "@/components/ui/button";
import { Field, Input, Select } from "@/components/ui/field";
import { editStagesAction } from "@/lib/actions/settings/edit-stages";
import type { GateRequirement, Pipeline, StageKind } from "@/lib/qualification";
import type { EditStagesInput } from "@/lib/validation/framework-setup";
import { plural } from "@/lib/vocabulary";
import { useHydrationGate } from "@/components/ui/use-hydrated";

interface Props {
  /** The pipeline being edited. */
  pipelineId: string;
  pipeline: Pipeline;
  dealsByStage: Record<string, number>;
  version: number;
  editable: boolean;
}

interface Row {
  /** Stable across renames, so the input keeps focus while a new stage's id follows its name. */
  key: string;
  id: string;
  label: string;
  probability: string;
  kind: StageKind;
  exit: GateRequirement[];
  isNew: boolean;
}

interface Draft {
  stages: Row[];
  /** Where the deals of a removed stage go, by that stage's id. */
  destinations: Record<string, string>;
}

const slug = (label: string) =>
  label
    .toLowerCase()
    .normalize("NFKD")
    .replace(/[^a-z0-9]+/g, "_")
    .replace(/^_+|_+$/g, "")
    .slice(0, 60);

/**
 * Add, rename, reorder and remove stages. A removed stage that holds deals asks where they go; after the save,
 * any deal the edit would carry past a gate it has not passed is held at that gate and listed.
 */
export function StageListEditor({ pipelineId, pipeline, dealsByStage, version, editable }: Props) {
  const hydration = useHydrationGate();
  const router = useRouter();
  const initial = useMemo<Row[]>(
    () =>
      pipeline.stages.map((s) => ({
        key: s.id,
        id: s.id,
        label: s.label,
        probability: String(Math.round(s.probability * 1000) / 10),
        kind: s.kind,
        exit: s.exit,
        isNew: false,
      })),
    [pipeline],
  );
  const [held, setHeld] = useState<Array<{ name: string; stageId: string; wanted: string }>>([]);
  const removedOf = (rows: Row[]) => initial.filter((s) => !rows.some((r) => r.id === s.id) && (dealsByStage[s.id] ?? 0) > 0);
  const toInput = (draft: Draft): EditStagesInput => ({
    pipelineId,
    expectedVersion: version,
    stages: draft.stages.map((r) => ({
      id: r.id,
      label: r.label,
      probability: r.probability.trim() === "" ? Number.NaN : Number(r.probability),
      kind: r.kind,
      exit: r.exit,
    })),
    destinations: Object.fromEntries(removedOf(draft.stages).map((s) => [s.id, draft.destinations[s.id] ?? ""])),
  });
  const { form, onSubmit, isPending, summaryFocus } = useZodForm(
    () => import("@/lib/validation/framework-setup").then((m) => m.editStagesSchema),
    editStagesAction,
    {
      defaultValues: { stages: initial, destinations: {} },
      toInput,
      onSuccess: (data) => {
        form.reset(form.getValues());
        setHeld(data.held);
        toast.success(
          `Stages saved (${plural(data.moved, "deal")} moved${data.held.length > 0 ? `, ${data.held.length} held at a gate they have not passed` : ""})`,
        );
        router.refresh();
      },
    },
  );
  const rows = useWatch({ control: form.control, name: "stages" });
  const destinations = useWatch({ control: form.control, name: "destinations" });
  const removed = removedOf(rows);
  const errors = pathErrors(form.formState.errors);
  const dirty = form.formState.isDirty;
  useUnsavedChangesGuard(editable && dirty);

  const setRows = (change: (rows: Row[]) => Row[]) => {
    form.setValue("stages", change(form.getValues("stages")), { shouldDirty: true });
    form.clearErrors();
  };
  const setDestination = (stageId: string, to: string) => {
    form.setValue("destinations", { ...form.getValues("destinations"), [stageId]: to }, { shouldDirty: true });
    form.clearErrors();
  };

  const move = (i: number, by: -1 | 1) =>
    setRows((rs) => {
      const next = [...rs];
      const [row] = next.splice(i, 1);
      if (row) next.splice(i + by, 0, row);
      return next;
    });
  const update = (i: number, change: Partial<Row>) =>
    setRows((rs) =>
      rs.map((r, j) => (j !== i ? r : { ...r, ...change, ...(r.isNew && change.label !== undefined && { id: slug(change.label) || r.id }) })),
    );

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-3" data-testid="stage-list-editor" data-version={version} {...hydration}>
      <ErrorSummary errors={form.formState.errors} focusKey={summaryFocus} />
      <ol className="space-y-2">
        {rows.map((r, i) => (
          <li key={r.key} className="grid items-end gap-2 sm:grid-cols-[1fr_7rem_7rem_auto]" data-testid={`stage-item-${r.id}`}>
            <Field
              label={`Stage ${i + 1}${r.isNew ? ` (new: ${r.id})` : ""}`}
              name={`stage-list-${i}-label`}
              errors={errors[`stages.${i}.label`] ?? errors[`stages.${i}.id`] ?? errors[`stages.${i}`]}
            >
              <Input
                id={`stage-list-${i}-label`}
                name={`stages.${i}.label`}
                value={r.label}
                disabled={!editable}
                onChange={(e) => update(i, { label: e.target.value })}
                {...invalid(errors[`stages.${i}.label`] ?? errors[`stages.${i}.id`] ?? errors[`stages.${i}`], `stage-list-${i}-label`)}
              />
            </Field>
            <Field label="Win %" name={`stage-list-${i}-probability`} errors={errors[`stages.${i}.probability`]}>
              <Input
                id={`stage-list-${i}-probability`}
                name={`stages.${i}.probability`}
                {...invalid(errors[`stages.${i}.probability`], `stage-list-${i}-probability`)}
                inputMode="decimal"
                value={r.probability}
                disabled={!editable}
                onChange={(e) => update(i, { probability: e.target.value })}
              />
            </Field>
            <Field label="Kind" name={`stage-list-${i}-kind`}>
              <Select
                id={`stage-list-${i}-kind`}
                value={r.kind}
                disabled={!editable || !r.isNew}
                onChange={(e) => update(i, { kind: e.target.value as StageKind })}
              >
                <option value="open">Open</option>
                <option value="won">Won</option>
                <option value="lost">Lost</option>
              </Select>
            </Field>
            {editable && (
              <div className="flex gap-1 pb-0.5">
                <Button type="button" variant="ghost" size="sm" aria-label={`Move ${r.label} up`} disabled={i === 0} onClick={() => move(i, -1)}>
                  <ArrowUp className="size-4" aria-hidden />
                </Button>
                <Button
                  type="button"
                  variant="ghost"
                  size="sm"
                  aria-label={`Move ${r.label} down`}
                  disabled={i === rows.length - 1}
                  onClick={() => move(i, 1)}
                >
                  <ArrowDown className="size-4" aria-hidden />
                </Button>
                <Button
                  type="button"
                  variant="ghost"
                  size="sm"
                  aria-label={`Remove ${r.label}`}
                  onClick={() => setRows((rs) => rs.filter((_, j) => j !== i))}
                >
                  <Trash2 className="size-4" aria-hidden />
                </Button>
              </div>
            )}
          </li>
        ))}
      </ol>
      {removed.map((s) => (
        <Field
          key={s.id}
          label={`${s.label} holds ${plural(dealsByStage[s.id] ?? 0, "deal")}: move them to`}
          name={`destination-${s.id}`}
          errors={errors[`destinations.${s.id}`]}
        >
          <Select
            id={`destination-${s.id}`}
            name={`destinations.${s.id}`}
            value={destinations[s.id] ?? ""}
            onChange={(e) => setDestination(s.id, e.target.value)}
            {...invalid(errors[`destinations.${s.id}`], `destination-${s.id}`)}
          >
            <option value="">Choose a stage…</option>
            {rows
              .filter((r) => r.kind === s.kind && !r.isNew)
              .map((r) => (
                <option key={r.id} value={r.id}>
                  {r.label}
                </option>
              ))}
          </Select>
        </Field>
      ))}
      {held.length > 0 && (
        <div className="rounded-md bg-amber-50 p-3 text-sm text-amber-900 ring-1 ring-amber-200" data-testid="held-deals">
          Held at a gate they have not passed (see each deal&apos;s history):{" "}
          {held.map((h) => `${h.name} (in ${h.stageId}, not ${h.wanted})`).join("; ")}.
        </div>
      )}
      {editable && (
        <div className="flex flex-wrap items-center justify-between gap-2 border-t border-border pt-3">
          <Button
            type="button"
            variant="secondary"
            onClick={() => {
              const at = Math.max(
                0,
                rows.findIndex((r) => r.kind !== "open"),
              );
              setRows((rs) => [
                ...rs.slice(0, at),
                { key: `new-${Date.now()}`, id: `stage_${rs.length + 1}`, label: "", probability: "50", kind: "open", exit: [], isNew: true },
                ...rs.slice(at),
              ]);
            }}
          >
            <Plus className="size-4" aria-hidden /> Add stage
          </Button>
          <div className="flex items-center gap-2">
            <Button
              type="button"
              variant="secondary"
              disabled={!dirty || isPending}
              onClick={() => form.reset({ stages: initial, destinations: {} })}
            >
              Discard
            </Button>
            <Button type="submit" disabled={!dirty || isPending}>
              {isPending ? "Saving…" : "Save stages"}
            </Button>
          </div>
        </div>
      )}
    </form>
  );
}
