"use client";

import * as RadioGroup from "@radix-ui/react-radio-group";
import { AlertTriangle } from "lucide-react";
import { useAction } from "next-safe-action/hooks";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { toast } from "@/components/ui/toast";
import { FormError } from "@/components/forms/form-error";
import { serverFormErrors } from "@/components/forms/form-errors";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { changeFrameworkAction } from "@/lib/actions/settings/change-framework";
import type { Framework, TemplateKey } from "@/lib/qualification";
import { cn } from "@/lib/utils";
import { CriteriaTable } from "./criteria-table";

interface Props {
  /** The pipeline being edited. */
  pipelineId: string;
  templates: Array<Framework & { key: TemplateKey }>;
  /** The organization's framework; "custom" when it runs its own. */
  currentKey: string;
  canChange: boolean;
}

/** Browse the framework templates; a manager switches to one (or resets the gates) after confirming the reset. */
export function FrameworkPicker({ pipelineId, templates, currentKey, canChange }: Props) {
  const router = useRouter();
  const [selected, setSelected] = useState<string>(templates.some((t) => t.key === currentKey) ? currentKey : (templates[0]?.key ?? ""));
  const [confirming, setConfirming] = useState(false);
  const template = templates.find((t) => t.key === selected);
  // A confirm button, not a form: nothing to type, so the refusal (if any) is one message above it.
  const form = useAction(changeFrameworkAction, {
    onSuccess: ({ data }) => {
      toast.success(
        `Now qualifying with ${templates.find((t) => t.key === data.frameworkKey)?.name ?? data.frameworkKey}; stage gates reset to its defaults`,
      );
      setConfirming(false);
      router.refresh();
    },
  });
  const refusal = serverFormErrors(form.result);
  const switching = template !== undefined && template.key !== currentKey;

  return (
    <div className="space-y-4">
      {/* Radix gives the group one tab stop and arrow keys between templates; choosing one only shows it. */}
      <RadioGroup.Root
        value={selected}
        onValueChange={(key) => {
          setSelected(key);
          setConfirming(false);
          form.reset();
        }}
        aria-label="Framework templates"
        orientation="horizontal"
        loop
        className="flex flex-wrap gap-2"
      >
        {templates.map((t) => (
          <RadioGroup.Item
            key={t.key}
            value={t.key}
            className={cn(
              "inline-flex items-center gap-2 rounded-md px-3 py-1.5 text-sm font-medium ring-1 ring-inset focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600",
              t.key === selected ? "bg-indigo-600 text-white ring-indigo-600" : "bg-white text-slate-700 ring-slate-300 hover:bg-slate-50",
            )}
          >
            {t.name}
            {t.key === currentKey && <Badge tone={t.key === selected ? "info" : "good"}>In use</Badge>}
          </RadioGroup.Item>
        ))}
      </RadioGroup.Root>

      {template && (
        <div className="space-y-3">
          <p className="text-sm text-slate-600">
            {template.name}: {template.criteria.length} criteria
            {template.criteria.some((c) => c.knockout) && (
              <>
                , must-haves:{" "}
                {template.criteria
                  .filter((c) => c.knockout)
                  .map((c) => c.label)
                  .join(", ")}
              </>
            )}
            .
          </p>
          <div className="overflow-hidden rounded-md ring-1 ring-slate-200">
            <CriteriaTable criteria={template.criteria} />
          </div>
        </div>
      )}

      {canChange && template && (
        <div className="space-y-3" data-testid="framework-switch">
          <FormError message={refusal.formError ?? refusal.fieldErrors[0]?.message} />
          {!confirming ? (
            <div className="flex items-center justify-between gap-4">
              <p className="text-xs text-slate-500">
                {switching
                  ? `Switching resets every stage gate to ${template.name}'s defaults.`
                  : "Undo your gate edits by going back to this framework's default gates."}
              </p>
              <Button type="button" variant={switching ? "primary" : "secondary"} onClick={() => setConfirming(true)}>
                {switching ? `Switch to ${template.name}…` : "Reset gates to defaults…"}
              </Button>
            </div>
          ) : (
            <div role="alertdialog" aria-labelledby="confirm-framework-title" className="rounded-md bg-amber-50 p-4 ring-1 ring-inset ring-amber-200">
              <div className="flex gap-3">
                <AlertTriangle className="mt-0.5 size-5 shrink-0 text-amber-600" aria-hidden />
                <div className="space-y-2 text-sm text-amber-900">
                  <p id="confirm-framework-title" className="font-semibold">
                    {switching ? `Switch to ${template.name} and reset all stage gates?` : `Reset all stage gates to ${template.name}'s defaults?`}
                  </p>
                  <p>
                    Every stage&apos;s exit requirements are replaced by {template.name}&apos;s defaults; your edits to gates are lost. Stage names
                    and probabilities stay.
                    {switching &&
                      " Evidence already recorded on criteria that the new framework does not have stays stored but no longer counts toward scores."}
                  </p>
                  <div className="flex gap-2 pt-1">
                    <Button
                      type="button"
                      variant="danger"
                      disabled={form.isPending}
                      onClick={() => form.execute({ pipelineId, frameworkKey: template.key, confirmReset: true })}
                    >
                      {form.isPending ? "Resetting…" : switching ? `Switch and reset gates` : "Reset gates"}
                    </Button>
                    <Button type="button" variant="secondary" disabled={form.isPending} onClick={() => setConfirming(false)}>
                      Cancel
                    </Button>
                  </div>
                </div>
              </div>
            </div>
          )}
        </div>
      )}
    </div>
  );
}
