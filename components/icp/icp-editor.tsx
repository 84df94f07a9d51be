"use client";

import { Plus } from "lucide-react";
import { useAction } from "next-safe-action/hooks";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { toast } from "@/components/ui/toast";
import { schemaLoader } from "@/components/forms/draft-resolver";
import { ErrorSummary } from "@/components/forms/error-summary";
import { pathMessages, serverFormErrors } from "@/components/forms/form-errors";
import { useUnsavedChangesGuard } from "@/components/forms/use-unsaved-changes-guard";
import { Button } from "@/components/ui/button";
import { Field, Input, Select, Textarea } from "@/components/ui/field";
import { createIcpVersionAction } from "@/lib/actions/icp/create-icp-version";
import { previewIcpAction } from "@/lib/actions/icp/preview-icp";
import type { IcpRule, IcpRuleKind } from "@/lib/qualification";
import { validateIcp } from "@/lib/qualification/validate";
import type { FitPreview } from "@/lib/server/icp/preview";
import type { SaveIcpInput } from "@/lib/validation/icp";
import { engineIssueKey, pathKey, type PathErrors } from "@/lib/validation/errors";
import { FitPreviewView } from "./fit-preview";
import { friendlyMessage, fromDraft, newDraft, RULE_KINDS, toDraft, type RuleDraft } from "./rule-draft";
import { RuleRow } from "./rule-row";

interface Props {
  /** The version being edited (0 when there is none yet); the save becomes version + 1. */
  basedOnVersion: number;
  rules: IcpRule[];
  pursueThreshold: number;
  disqualifyBelow: number | null;
}

const whole = (raw: string) => (raw.trim() === "" ? Number.NaN : Number(raw.trim()));

/** The server's schema, imported when first needed (zod stays out of the page's first load). */
const loadSaveSchema = schemaLoader(() => import("@/lib/validation/icp").then((m) => m.saveIcpSchema));

/**
 * Checks a payload with the server's own schema and the engine's validation, so errors show before a round trip.
 * Should the schema not load, the server's parse of the same schema answers instead.
 */
async function check(payload: SaveIcpInput): Promise<{ ok: true; data: SaveIcpInput } | { ok: false; errors: PathErrors }> {
  const saveIcpSchema = await loadSaveSchema();
  if (!saveIcpSchema) return { ok: true, data: payload };
  const parsed = saveIcpSchema.safeParse(payload);
  if (!parsed.success) {
    const errors: PathErrors = {};
    for (const issue of parsed.error.issues) {
      const key = pathKey(issue.path);
      errors[key] = [...(errors[key] ?? []), friendlyMessage(key, issue.message)];
    }
    return { ok: false, errors };
  }
  const { disqualifyBelow, ...rest } = parsed.data;
  const issues = validateIcp({ ...rest, version: 0, ...(disqualifyBelow !== null && { disqualifyBelow }) });
  if (issues.length === 0) return { ok: true, data: parsed.data };
  const sentence = (m: string) => `${m.charAt(0).toUpperCase()}${m.slice(1)}.`;
  return { ok: false, errors: Object.fromEntries(issues.map((i) => [engineIssueKey(i.path), [sentence(i.message)]])) };
}

/** Marketing's ICP editor. A save never changes the current version: it creates the next one. */
export function IcpEditor({ basedOnVersion, rules, pursueThreshold, disqualifyBelow }: Props) {
  const router = useRouter();
  const [drafts, setDrafts] = useState<RuleDraft[]>(() => rules.map(toDraft));
  const [pursue, setPursue] = useState(String(pursueThreshold));
  const [floor, setFloor] = useState(disqualifyBelow === null ? "" : String(disqualifyBelow));
  const [note, setNote] = useState("");
  const [newKind, setNewKind] = useState<IcpRuleKind>("industry_in");
  const [localErrors, setLocalErrors] = useState<PathErrors>({});
  const [draftPreview, setDraftPreview] = useState<FitPreview | null>(null);
  // Edited since the last save: leaving now would lose the draft.
  const [dirty, setDirty] = useState(false);
  const [summaryFocus, setSummaryFocus] = useState(0);
  useUnsavedChangesGuard(dirty);

  // The draft is checked here by the server's schema and the engine's own validation (see `check`), which
  // react-hook-form's zod resolver cannot run; the actions answer with the same dotted paths.
  const save = useAction(createIcpVersionAction, {
    onSuccess: ({ data }) => {
      setDirty(false);
      toast.success(`Saved ICP version ${data.version}; fit scores now use it`);
      router.refresh();
    },
  });
  const preview = useAction(previewIcpAction, { onSuccess: ({ data }) => setDraftPreview(data) });

  const saved = serverFormErrors(save.result);
  const previewed = serverFormErrors(preview.result);
  const byPath = (messages: Array<{ path: string; message: string }>): PathErrors =>
    Object.fromEntries(messages.map(({ path, message }) => [path, [message]]));
  const errors: PathErrors = { ...byPath(saved.fieldErrors), ...byPath(previewed.fieldErrors), ...localErrors };
  const formError = saved.formError ?? previewed.formError;
  const summary = [...(formError ? [{ path: "root", message: formError }] : []), ...pathMessages(errors)];
  const refusal = save.result.serverError ?? save.result.validationErrors ?? preview.result.serverError ?? preview.result.validationErrors;

  const payload = (): SaveIcpInput => ({
    rules: drafts.map(fromDraft) as SaveIcpInput["rules"],
    pursueThreshold: whole(pursue),
    disqualifyBelow: floor.trim() === "" ? null : whole(floor),
    basedOnVersion,
    ...(note.trim() !== "" && { note: note.trim() }),
  });

  async function run(action: "save" | "preview") {
    save.reset();
    preview.reset();
    const result = await check(payload());
    if (!result.ok) {
      setLocalErrors(result.errors);
      setSummaryFocus((n) => n + 1);
      return;
    }
    setLocalErrors({});
    if (action === "save") save.execute(result.data);
    else preview.execute({ rules: result.data.rules, pursueThreshold: result.data.pursueThreshold, disqualifyBelow: result.data.disqualifyBelow });
  }

  const edit = (change: () => void) => {
    change();
    setDirty(true);
    setLocalErrors({});
    setDraftPreview(null);
  };

  return (
    <form
      onSubmit={(e: FormEvent) => {
        e.preventDefault();
        void run("save");
      }}
      noValidate
      className="space-y-4"
      data-testid="icp-form"
    >
      <ErrorSummary messages={summary} focusKey={refusal ?? summaryFocus} />
      {drafts.length === 0 ? (
        <p className="rounded-md bg-slate-50 px-3 py-4 text-sm text-slate-500">No rules yet. With no rules every account counts as a fit.</p>
      ) : (
        <ol className="divide-y divide-slate-100">
          {drafts.map((d, i) => (
            <RuleRow
              key={d.key}
              draft={d}
              index={i}
              errors={errors}
              onChange={(next) => edit(() => setDrafts((all) => all.map((x) => (x.key === d.key ? next : x))))}
              onRemove={() => edit(() => setDrafts((all) => all.filter((x) => x.key !== d.key)))}
            />
          ))}
        </ol>
      )}
      <div className="flex flex-wrap items-end gap-2">
        <Field label="Add a rule" name="new-rule-kind" className="w-64">
          <Select id="new-rule-kind" value={newKind} onChange={(e) => setNewKind(e.target.value as IcpRuleKind)}>
            {(Object.keys(RULE_KINDS) as IcpRuleKind[]).map((k) => (
              <option key={k} value={k}>
                {RULE_KINDS[k].title}
              </option>
            ))}
          </Select>
        </Field>
        <Button
          type="button"
          variant="secondary"
          onClick={() =>
            edit(() =>
              setDrafts((all) => [
                ...all,
                newDraft(
                  newKind,
                  all.map((r) => r.id),
                ),
              ]),
            )
          }
        >
          <Plus className="size-4" aria-hidden />
          Add rule
        </Button>
      </div>

      <div className="grid gap-4 border-t border-slate-100 pt-4 sm:grid-cols-3">
        <Field
          label="Pursue at fit ≥"
          name="pursueThreshold"
          errors={errors.pursueThreshold}
          hint="0–100: at or above this, the account is worth pursuing."
        >
          <Input
            id="pursueThreshold"
            inputMode="numeric"
            value={pursue}
            onChange={(e) => edit(() => setPursue(e.target.value))}
            aria-invalid={Boolean(errors.pursueThreshold)}
          />
        </Field>
        <Field
          label="Not a fit below (optional)"
          name="disqualifyBelow"
          errors={errors.disqualifyBelow}
          hint="If even the best case scores lower, the account is not a fit."
        >
          <Input
            id="disqualifyBelow"
            inputMode="numeric"
            value={floor}
            onChange={(e) => edit(() => setFloor(e.target.value))}
            placeholder="no floor"
            aria-invalid={Boolean(errors.disqualifyBelow)}
          />
        </Field>
        <Field label="What changed and why (optional)" name="note" errors={errors.note}>
          <Textarea
            id="note"
            value={note}
            onChange={(e) => {
              setNote(e.target.value);
              setDirty(true);
            }}
            className="min-h-10"
            rows={2}
          />
        </Field>
      </div>

      {draftPreview && (
        <div className="rounded-md p-4 ring-1 ring-indigo-200" data-testid="draft-preview">
          <h3 className="mb-3 text-sm font-semibold text-slate-900">Preview of this draft (not saved)</h3>
          <FitPreviewView preview={draftPreview} />
        </div>
      )}

      <div className="flex flex-wrap items-center justify-end gap-2">
        <span className="mr-auto text-xs text-slate-500">Saving creates version {basedOnVersion + 1}; earlier versions stay as they were.</span>
        <Button type="button" variant="secondary" disabled={preview.isPending || save.isPending} onClick={() => void run("preview")}>
          {preview.isPending ? "Scoring accounts…" : "Preview draft"}
        </Button>
        <Button type="submit" disabled={save.isPending}>
          {save.isPending ? "Saving…" : `Save as version ${basedOnVersion + 1}`}
        </Button>
      </div>
    </form>
  );
}
