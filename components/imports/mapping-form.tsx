"use client";

import { useRouter } from "next/navigation";
import { useAction } from "next-safe-action/hooks";
import { useState } from "react";
import { FormError } from "@/components/forms/form-error";
import { Button } from "@/components/ui/button";
import { Select } from "@/components/ui/field";
import { planImportAction } from "@/lib/actions/imports/plan-import";

/** Field ← column, pre-filled with the guess from the headers; every choice is editable. */
export function MappingForm({
  jobId,
  fields,
  required,
  headers,
  mapping,
}: {
  jobId: string;
  fields: string[];
  required: string[];
  headers: string[];
  mapping: Record<string, number | null>;
}) {
  const router = useRouter();
  const [current, setCurrent] = useState(mapping);
  const plan = useAction(planImportAction, { onSuccess: () => router.refresh() });
  const all = [...fields, ...Object.keys(mapping).filter((k) => !fields.includes(k))];
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        plan.execute({ jobId, mapping: current });
      }}
      className="space-y-4"
      data-testid="mapping-form"
    >
      <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
        {all.map((field) => (
          <label key={field} className="block text-sm">
            <span className="mb-1 block font-medium text-slate-800">
              {field}
              {required.includes(field) && " *"}
            </span>
            <Select
              value={current[field] ?? ""}
              onChange={(e) => setCurrent({ ...current, [field]: e.target.value === "" ? null : Number(e.target.value) })}
              aria-label={`Column for ${field}`}
            >
              <option value="">— not imported —</option>
              {headers.map((h, i) => (
                <option key={`${h}-${i}`} value={i}>
                  {h || `Column ${i + 1}`}
                </option>
              ))}
            </Select>
          </label>
        ))}
      </div>
      <FormError message={plan.result.serverError?.message} />
      <Button type="submit" disabled={plan.isPending}>
        Dry run
      </Button>
    </form>
  );
}
