"use client";

import { Plus } from "lucide-react";
import { useId, useState, type KeyboardEvent, type ReactNode } from "react";
import { Button } from "@/components/ui/button";
import { Input, Select } from "@/components/ui/field";
import { ROLE_LABELS, type GateRequirement } from "@/lib/qualification";
import { STAKEHOLDER_ROLES } from "@/lib/validation/options";

type Kind = GateRequirement["kind"];

const KIND_LABELS: Record<Kind, string> = {
  criterion: "Criterion evidence",
  min_fit: "Minimum account fit",
  min_intent: "Minimum deal intent",
  stakeholder: "Stakeholder on the committee",
  champion_tested: "Champion tested",
};

function Labelled({ id, label, children }: { id: string; label: string; children: ReactNode }) {
  return (
    <div>
      <label htmlFor={id} className="block text-xs font-medium text-slate-600">
        {label}
      </label>
      {children}
    </div>
  );
}

const score = (raw: string) => (/^\d{1,3}$/.test(raw.trim()) && Number(raw) <= 100 ? Number(raw) : null);

/**
 * Builds one exit requirement. It is not a <form> of its own (it sits inside the pipeline form), so Enter
 * adds the requirement instead of saving the whole pipeline.
 */
export function AddRequirement({
  criteria,
  onAdd,
}: {
  criteria: Array<{ id: string; label: string }>;
  onAdd: (r: GateRequirement) => string | null;
}) {
  const uid = useId();
  const [kind, setKind] = useState<Kind>("criterion");
  const [criterionId, setCriterionId] = useState(criteria[0]?.id ?? "");
  const [atLeast, setAtLeast] = useState<"claimed" | "verified">("claimed");
  const [basis, setBasis] = useState<"" | "stated" | "confirmed">("");
  const [value, setValue] = useState("50");
  const [role, setRole] = useState<(typeof STAKEHOLDER_ROLES)[number]>("economic_buyer");
  const [days, setDays] = useState("");
  const [error, setError] = useState<string | null>(null);

  function build(): GateRequirement | string {
    switch (kind) {
      case "criterion":
        return criterionId ? { kind, criterionId, atLeast, ...(atLeast === "verified" && basis && { basis }) } : "Pick a criterion.";
      case "min_fit":
      case "min_intent": {
        const n = score(value);
        return n === null ? "Enter a whole score from 0 to 100." : { kind, score: n };
      }
      case "stakeholder": {
        if (days.trim() === "") return { kind, role };
        const n = Number(days);
        return Number.isInteger(n) && n >= 1 && n <= 365 ? { kind, role, engagedWithinDays: n } : "Engaged within must be 1 to 365 days, or blank.";
      }
      case "champion_tested":
        return { kind };
    }
  }

  function add() {
    const built = build();
    const problem = typeof built === "string" ? built : onAdd(built);
    setError(problem);
  }

  const onEnter = (event: KeyboardEvent) => {
    if (event.key !== "Enter") return;
    event.preventDefault();
    add();
  };

  return (
    <div role="group" aria-label="Add an exit requirement" className="space-y-2 rounded-md bg-slate-50 p-3" onKeyDown={onEnter}>
      <div className="flex flex-wrap items-end gap-2">
        <Labelled id={`${uid}-kind`} label="Kind of requirement">
          <Select
            id={`${uid}-kind`}
            value={kind}
            onChange={(e) => {
              setKind(e.target.value as Kind);
              setError(null);
            }}
            className="mt-1 w-56"
          >
            {(Object.keys(KIND_LABELS) as Kind[]).map((k) => (
              <option key={k} value={k}>
                {KIND_LABELS[k]}
              </option>
            ))}
          </Select>
        </Labelled>
        {kind === "criterion" && (
          <>
            <Labelled id={`${uid}-criterion`} label="Criterion">
              <Select id={`${uid}-criterion`} value={criterionId} onChange={(e) => setCriterionId(e.target.value)} className="mt-1 w-48">
                {criteria.map((c) => (
                  <option key={c.id} value={c.id}>
                    {c.label}
                  </option>
                ))}
              </Select>
            </Labelled>
            <Labelled id={`${uid}-level`} label="At least">
              <Select
                id={`${uid}-level`}
                value={atLeast}
                onChange={(e) => setAtLeast(e.target.value as "claimed" | "verified")}
                className="mt-1 w-32"
              >
                <option value="claimed">claimed</option>
                <option value="verified">verified</option>
              </Select>
            </Labelled>
            {atLeast === "verified" && (
              <Labelled id={`${uid}-basis`} label="Verified by">
                <Select id={`${uid}-basis`} value={basis} onChange={(e) => setBasis(e.target.value as typeof basis)} className="mt-1 w-56">
                  <option value="">any proof</option>
                  <option value="stated">a fitting contact or a document</option>
                  <option value="confirmed">the buyer or a manager review</option>
                </Select>
              </Labelled>
            )}
          </>
        )}
        {(kind === "min_fit" || kind === "min_intent") && (
          <Labelled id={`${uid}-score`} label="At least (0–100)">
            <Input id={`${uid}-score`} inputMode="numeric" value={value} onChange={(e) => setValue(e.target.value)} className="mt-1 w-24" />
          </Labelled>
        )}
        {kind === "stakeholder" && (
          <>
            <Labelled id={`${uid}-role`} label="Role">
              <Select id={`${uid}-role`} value={role} onChange={(e) => setRole(e.target.value as typeof role)} className="mt-1 w-44">
                {STAKEHOLDER_ROLES.map((r) => (
                  <option key={r} value={r}>
                    {ROLE_LABELS[r]}
                  </option>
                ))}
              </Select>
            </Labelled>
            <Labelled id={`${uid}-days`} label="Engaged within (days, optional)">
              <Input
                id={`${uid}-days`}
                inputMode="numeric"
                value={days}
                onChange={(e) => setDays(e.target.value)}
                placeholder="any time"
                className="mt-1 w-32"
              />
            </Labelled>
          </>
        )}
        <Button type="button" size="sm" variant="secondary" onClick={add} className="mb-0.5">
          <Plus className="size-4" aria-hidden />
          Add
        </Button>
      </div>
      {error && (
        <p className="text-xs font-medium text-rose-600" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
