"use client";

import { Quote, X } from "lucide-react";
import { useAction } from "next-safe-action/hooks";
import { useRouter } from "next/navigation";
import { useRef, useState } from "react";
import { toast } from "@/components/ui/toast";
import { schemaLoader } from "@/components/forms/draft-resolver";
import { focusNewFirst } from "@/components/forms/focus-result";
import { FormError } from "@/components/forms/form-error";
import { Tooltip } from "@/components/ui/tooltip";
import { Button } from "@/components/ui/button";
import { Combobox } from "@/components/ui/combobox";
import { Field, Input, Select, Textarea } from "@/components/ui/field";
import { domainFieldErrors } from "@/lib/action-error";
import { logNoteAction } from "@/lib/actions/notes/log-note";
import { plural } from "@/lib/vocabulary";

/** The server's evidence schema, imported at the first save with evidence (zod stays out of the first load). */
const loadEvidenceSchema = schemaLoader(() => import("@/lib/validation/qualification").then((m) => m.evidenceEntrySchema));

interface Row {
  key: number;
  criterionId: string;
  state: "claimed" | "verified" | "negative";
  excerpt: string;
  contactId: string;
  documentRef: string;
}
type RowErrors = Partial<Record<"criterionId" | "state" | "excerpt" | "contactId" | "documentRef", string>>;

/**
 * A discovery note, and the evidence it gives: select a sentence in the note, press "Evidence from selection"
 * (or Alt+E), pick the criterion. Ctrl/⌘+Enter saves. The scorecard re-scores as soon as it is saved.
 */
export function EvidenceNoteForm({
  opportunityId,
  criteria,
  contacts,
  canRecord,
}: {
  opportunityId: string;
  criteria: Array<{ id: string; label: string }>;
  contacts: Array<{ id: string; name: string }>;
  canRecord: boolean;
}) {
  const router = useRouter();
  const bodyRef = useRef<HTMLTextAreaElement>(null);
  const nextKey = useRef(1);
  const [body, setBody] = useState("");
  const [rows, setRows] = useState<Row[]>([]);
  const [rowErrors, setRowErrors] = useState<Record<number, RowErrors>>({});
  const { execute, isPending, result } = useAction(logNoteAction, {
    onSuccess: () => {
      toast.success(rows.length ? `Note saved with ${plural(rows.length, "piece of evidence")}` : "Note saved");
      setBody("");
      setRows([]);
      setRowErrors({});
      router.refresh();
      focusNewFirst('[data-testid="timeline"] > li');
    },
  });
  // Row errors come from zod on the server (dotted paths) or from domain checks (same keys in the details).
  const serverFieldErrors: Record<string, string[] | undefined> = {
    ...result.validationErrors?.fieldErrors,
    ...domainFieldErrors(result.serverError),
  };

  function addRow() {
    const area = bodyRef.current;
    const selected = area ? area.value.slice(area.selectionStart, area.selectionEnd).trim() : "";
    setRows((current) => [
      ...current,
      { key: nextKey.current++, criterionId: "", state: "claimed", excerpt: selected, contactId: "", documentRef: "" },
    ]);
    // Focus the new row's criterion picker once it renders.
    requestAnimationFrame(() => document.querySelector<HTMLElement>('[data-evidence-row]:last-of-type [role="combobox"]')?.focus());
  }

  function update(key: number, patch: Partial<Row>) {
    setRows((current) => current.map((row) => (row.key === key ? { ...row, ...patch } : row)));
  }

  async function submit() {
    const evidenceEntrySchema = rows.length > 0 ? await loadEvidenceSchema() : null;
    if (rows.length > 0 && !evidenceEntrySchema) {
      // Not loaded: the server parses the rows with the same schema and names the fields at fault.
      execute({ opportunityId, body, evidence: rows.map(({ key: _key, ...row }) => row) });
      return;
    }
    const errors: Record<number, RowErrors> = {};
    const evidence = rows.flatMap((row) => {
      if (!evidenceEntrySchema) return [];
      const parsed = evidenceEntrySchema.safeParse(row);
      if (parsed.success) return [parsed.data];
      errors[row.key] = Object.fromEntries(parsed.error.issues.map((i) => [String(i.path[0]), i.message]));
      return [];
    });
    setRowErrors(errors);
    if (Object.keys(errors).length === 0) execute({ opportunityId, body, evidence });
  }

  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
      onKeyDown={(e) => {
        if (e.key === "Enter" && (e.metaKey || e.ctrlKey)) {
          e.preventDefault();
          void submit();
        }
        if (e.key.toLowerCase() === "e" && e.altKey && canRecord) {
          e.preventDefault();
          addRow();
        }
      }}
      className="space-y-3"
      noValidate
      data-testid="evidence-note-form"
    >
      <FormError message={result.validationErrors?.formErrors[0] ?? result.serverError?.message} />
      <Field label="Discovery note" name="note-body" errors={result.validationErrors?.fieldErrors.body}>
        <Textarea
          id="note-body"
          ref={bodyRef}
          value={body}
          onChange={(e) => setBody(e.target.value)}
          placeholder="What did you learn? Pain, metrics, who signs, how they decide, timing…"
          rows={4}
        />
      </Field>
      {rows.map((row, index) => (
        <EvidenceRow
          key={row.key}
          row={row}
          index={index}
          criteria={criteria}
          contacts={contacts}
          onChange={(patch) => update(row.key, patch)}
          onRemove={() => setRows((current) => current.filter((r) => r.key !== row.key))}
          errors={{ ...rowErrors[row.key], ...serverRowErrors(serverFieldErrors, index) }}
        />
      ))}
      <div className="flex flex-wrap items-center justify-between gap-2">
        {canRecord ? (
          <Tooltip content="Alt+E">
            <Button type="button" variant="secondary" size="sm" onClick={addRow} aria-keyshortcuts="Alt+E">
              <Quote className="size-3.5" aria-hidden /> Evidence from selection
            </Button>
          </Tooltip>
        ) : (
          <span />
        )}
        <div className="flex items-center gap-3">
          <span className="hidden text-xs text-slate-500 sm:inline">Ctrl/⌘+Enter to save</span>
          <Button type="submit" size="sm" disabled={isPending}>
            {isPending ? "Saving…" : "Save note"}
          </Button>
        </div>
      </div>
    </form>
  );
}

/** The server names rows by position ("evidence.2.contactId"); pick out this row's messages. */
function serverRowErrors(fieldErrors: Record<string, string[] | undefined>, index: number): RowErrors {
  const errors: RowErrors = {};
  for (const [key, messages] of Object.entries(fieldErrors)) {
    const [head, position, field] = key.split(".");
    if (head === "evidence" && position === String(index) && field) errors[field as keyof RowErrors] = messages?.[0];
  }
  return errors;
}

function EvidenceRow({
  row,
  index,
  criteria,
  contacts,
  errors,
  onChange,
  onRemove,
}: {
  row: Row;
  index: number;
  criteria: Array<{ id: string; label: string }>;
  contacts: Array<{ id: string; name: string }>;
  errors: RowErrors;
  onChange: (patch: Partial<Row>) => void;
  onRemove: () => void;
}) {
  const n = index + 1;
  return (
    <fieldset className="rounded-md border border-indigo-100 bg-indigo-50/40 p-3" data-evidence-row>
      <legend className="sr-only">Evidence {n}</legend>
      <div className="grid gap-2 sm:grid-cols-[1fr_9rem_1fr_auto]">
        <Combobox
          id={`evidence-${n}-criterion`}
          name={`evidence.${index}.criterionId`}
          aria-label={`Criterion for evidence ${n}`}
          searchLabel="Search criteria"
          options={criteria.map((c) => ({ value: c.id, label: c.label }))}
          value={row.criterionId}
          onChange={(criterionId) => onChange({ criterionId })}
          placeholder="Criterion…"
          aria-invalid={Boolean(errors.criterionId)}
        />
        {/* Three fixed answers: the native select stays, one tab stop with arrow keys. */}
        <Select aria-label={`Evidence ${n} says`} value={row.state} onChange={(e) => onChange({ state: e.target.value as Row["state"] })}>
          <option value="claimed">Claimed</option>
          <option value="verified">Verified</option>
          <option value="negative">Said no</option>
        </Select>
        <Combobox
          id={`evidence-${n}-contact`}
          name={`evidence.${index}.contactId`}
          aria-label={`Who said it (evidence ${n})`}
          searchLabel="Search contacts"
          options={contacts.map((c) => ({ value: c.id, label: c.name }))}
          value={row.contactId}
          onChange={(contactId) => onChange({ contactId })}
          placeholder="Who said it…"
          clearLabel="Nobody in particular"
          aria-invalid={Boolean(errors.contactId)}
        />
        <button
          type="button"
          onClick={onRemove}
          className="self-center rounded p-1 text-slate-500 hover:bg-white hover:text-slate-700"
          aria-label={`Remove evidence ${n}`}
        >
          <X className="size-4" aria-hidden />
        </button>
      </div>
      <Input
        className="mt-2"
        aria-label={`Excerpt for evidence ${n}`}
        placeholder="Excerpt: what exactly backs this?"
        value={row.excerpt}
        onChange={(e) => onChange({ excerpt: e.target.value })}
        aria-invalid={Boolean(errors.excerpt)}
      />
      {row.state === "verified" && (
        <Input
          className="mt-2"
          aria-label={`Document or link for evidence ${n}`}
          placeholder="Proof: who said it (above) or a document / link (signed MAP, security review)"
          value={row.documentRef}
          onChange={(e) => onChange({ documentRef: e.target.value })}
        />
      )}
      {Object.values(errors)
        .filter(Boolean)
        .map((message) => (
          <p key={message} className="mt-1 text-xs font-medium text-rose-600" data-testid="evidence-error">
            {message}
          </p>
        ))}
    </fieldset>
  );
}
