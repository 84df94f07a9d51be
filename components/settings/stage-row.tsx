"use client";

import { Plus, X } from "lucide-react";
import { useState } from "react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Field, Input } from "@/components/ui/field";
import type { GateRequirement, StageKind } from "@/lib/qualification";
import { errorsUnder, type PathErrors } from "@/lib/validation/errors";
import { requirementKey } from "@/lib/validation/requirement-key";
import { AddRequirement } from "./add-requirement";
import { describeRequirement } from "./requirement-text";

export interface StageDraft {
  id: string;
  label: string;
  /** Percent as typed. */
  probability: string;
  kind: StageKind;
  exit: GateRequirement[];
}

const KIND_BADGES: Record<StageKind, { label: string; tone: "neutral" | "good" | "bad" }> = {
  open: { label: "Open", tone: "neutral" },
  won: { label: "Won", tone: "good" },
  lost: { label: "Lost", tone: "bad" },
};

interface Props {
  stage: StageDraft;
  index: number;
  editable: boolean;
  errors: PathErrors;
  criteria: Array<{ id: string; label: string }>;
  criterionLabel: (id: string) => string;
  onChange: (stage: StageDraft) => void;
}

/** One stage: its name, probability and kind, and the requirements a deal must meet to leave it. */
export function StageRow({ stage, index, editable, errors, criteria, criterionLabel, onChange }: Props) {
  const [adding, setAdding] = useState(false);
  const at = `stages.${index}`;
  const gateErrors = errorsUnder(errors, `${at}.exit`);
  const badge = KIND_BADGES[stage.kind];

  return (
    <li className="px-5 py-4" data-testid={`stage-${stage.id}`}>
      <div className="flex flex-wrap items-start gap-4">
        <span className="mt-2 w-6 text-sm font-semibold tabular-nums text-muted-foreground">{index + 1}</span>
        {editable ? (
          <>
            <Field label="Stage name" name={`${at}.label`} errors={errors[`${at}.label`]} className="w-56">
              <Input
                id={`${at}.label`}
                value={stage.label}
                onChange={(e) => onChange({ ...stage, label: e.target.value })}
                aria-invalid={Boolean(errors[`${at}.label`])}
              />
            </Field>
            <Field label="Win probability (%)" name={`${at}.probability`} errors={errors[`${at}.probability`]} className="w-36">
              <Input
                id={`${at}.probability`}
                inputMode="decimal"
                value={stage.probability}
                onChange={(e) => onChange({ ...stage, probability: e.target.value })}
                aria-invalid={Boolean(errors[`${at}.probability`])}
              />
            </Field>
          </>
        ) : (
          <div className="min-w-56">
            <div className="text-sm font-semibold text-foreground">{stage.label}</div>
            <div className="text-xs text-muted-foreground">{stage.probability}% win probability</div>
          </div>
        )}
        <div className={editable ? "mt-7" : "mt-0.5"}>
          <Badge tone={badge.tone}>{badge.label}</Badge>
        </div>
      </div>

      <div className="mt-3 pl-10">
        {stage.kind !== "open" ? (
          <p className="text-xs text-muted-foreground">A closed stage has no exit gate.</p>
        ) : (
          <>
            <h3 className="text-xs font-semibold uppercase tracking-wide text-muted-foreground">To leave {stage.label || "this stage"}</h3>
            {stage.exit.length === 0 ? (
              <p className="mt-1 text-sm text-muted-foreground">No requirements: any deal may move on.</p>
            ) : (
              <ul className="mt-1 max-w-2xl space-y-1" aria-label={`Exit requirements of ${stage.label}`}>
                {stage.exit.map((r, j) => (
                  <li
                    key={`${r.kind}-${j}`}
                    className="flex items-center justify-between gap-3 rounded-md px-2 py-1 text-sm text-foreground hover:bg-muted"
                  >
                    <span>{describeRequirement(r, criterionLabel)}</span>
                    {editable && (
                      <button
                        type="button"
                        onClick={() => onChange({ ...stage, exit: stage.exit.filter((_, k) => k !== j) })}
                        className="rounded p-1 text-muted-foreground hover:bg-rose-50 hover:text-destructive"
                        aria-label={`Remove requirement: ${describeRequirement(r, criterionLabel)}`}
                      >
                        <X className="size-4" aria-hidden />
                      </button>
                    )}
                  </li>
                ))}
              </ul>
            )}
            {gateErrors.map((e) => (
              <p key={e} className="mt-1 text-xs font-medium text-destructive">
                {e}
              </p>
            ))}
            {editable && (
              <div className="mt-2">
                {adding ? (
                  <AddRequirement
                    criteria={criteria}
                    onAdd={(r) => {
                      const duplicate = stage.exit.some((x) => requirementKey(x) === requirementKey(r));
                      if (duplicate) return "This stage already has that requirement; remove it first to change it.";
                      onChange({ ...stage, exit: [...stage.exit, r] });
                      setAdding(false);
                      return null;
                    }}
                  />
                ) : (
                  <Button type="button" variant="ghost" size="sm" onClick={() => setAdding(true)}>
                    <Plus className="size-4" aria-hidden />
                    Add requirement
                  </Button>
                )}
              </div>
            )}
          </>
        )}
      </div>
    </li>
  );
}
