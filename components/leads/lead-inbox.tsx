"use client";

import { useAction } from "next-safe-action/hooks";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useEffect, useRef, useState, type FormEvent } from "react";
import { toast } from "@/components/ui/toast";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { DataTable, type DataColumn, type DataRow } from "@/components/ui/data-table-view";
import { Input, Select } from "@/components/ui/field";
import { convertLeadAction } from "@/lib/actions/leads/convert-lead";
import { disqualifyLeadAction } from "@/lib/actions/leads/disqualify-lead";
import { nurtureLeadAction } from "@/lib/actions/leads/nurture-lead";
import { LeadBulkActions } from "./bulk-actions";
import { labelOf, SOURCE_LABEL, STATUS_LABEL, VERDICT_LABEL, VERDICT_TONE } from "./labels";

export interface InboxLead {
  id: string;
  name: string;
  email: string | null;
  companyName: string;
  source: string;
  status: string;
  verdict: keyof typeof VERDICT_LABEL;
  fit: number;
  intent: number;
  ownerName: string | null;
  reason: string | null;
  createdAt: string;
}

type Mode = "accept" | "nurture" | "disqualify";

const LEAD_COLUMNS: DataColumn[] = [
  { id: "company", header: "Company", truncate: true },
  { id: "verdict", header: "Verdict" },
  { id: "scores", header: "Fit and intent" },
  { id: "owner", header: "Owner", truncate: true },
  { id: "status", header: "Status" },
];
const in90Days = () => new Date(Date.now() + 90 * 86_400_000).toISOString().slice(0, 10);

/**
 * The inbox, in the list table (tick rows for bulk actions): ↑/↓ (or j/k) to move, then one key — a accept, n nurture, d disqualify — opens a one-line
 * reason box; Enter confirms, Escape cancels. Every key has a button twin for mouse and touch.
 */
export function LeadInbox({
  leads,
  canConvert,
  canOverride,
  owners,
  pipelines = [],
}: {
  leads: InboxLead[];
  canConvert: boolean;
  canOverride: boolean;
  /** Given on the list page: rows get checkboxes and the bulk actions (assign only when there are owners to pick). */
  owners?: Array<{ id: string; name: string }>;
  /** The organization's pipelines in order; with more than one, converting asks which the deal opens in (the first by default). */
  pipelines?: Array<{ id: string; name: string }>;
}) {
  const router = useRouter();
  const [selected, setSelected] = useState(0);
  const [mode, setMode] = useState<Mode | null>(null);
  const [override, setOverride] = useState(false);
  const reasonRef = useRef<HTMLInputElement>(null);
  const lead = leads[selected];
  const done = (text: string) => {
    toast.success(text);
    setMode(null);
    setOverride(false);
    router.refresh();
  };
  const failed = ({ error }: { error: { serverError?: { code: string; message: string }; validationErrors?: unknown } }) => {
    if (error.serverError?.code === "GATE_BLOCKED" && canOverride) setOverride(true);
    toast.error(error.serverError?.message ?? "Check the reason and date.");
  };
  const convert = useAction(convertLeadAction, { onSuccess: () => done("Converted: the deal is in your pipeline."), onError: failed });
  const nurture = useAction(nurtureLeadAction, { onSuccess: () => done("Parked in nurture."), onError: failed });
  const disqualify = useAction(disqualifyLeadAction, { onSuccess: () => done("Disqualified."), onError: failed });
  const pending = convert.isPending || nurture.isPending || disqualify.isPending;

  useEffect(() => {
    function onKey(event: KeyboardEvent) {
      if (mode || event.metaKey || event.ctrlKey || event.altKey) return;
      if ((event.target as HTMLElement).closest("input, textarea, select")) return;
      const key = event.key.toLowerCase();
      if (key === "arrowdown" || key === "j") setSelected((s) => Math.min(leads.length - 1, s + 1));
      else if (key === "arrowup" || key === "k") setSelected((s) => Math.max(0, s - 1));
      else if (key === "a" && canConvert) setMode("accept");
      else if (key === "n") setMode("nurture");
      else if (key === "d") setMode("disqualify");
      else return;
      event.preventDefault();
    }
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [mode, leads.length, canConvert]);

  useEffect(() => {
    if (mode) reasonRef.current?.focus();
  }, [mode]);

  const rows: DataRow[] = leads.map((l) => ({
    id: l.id,
    label: l.companyName,
    text: {
      company: `${l.companyName} · ${l.name}${l.email ? ` · ${l.email}` : ""}${l.reason ? ` · ${l.reason}` : ""}`,
      owner: l.ownerName ?? "Unassigned",
    },
    cells: {
      company: (
        <>
          <Link href={`/leads/${l.id}`} className="font-medium text-slate-900 hover:text-indigo-600">
            {l.companyName}
          </Link>
          <div className="truncate text-xs text-slate-600">
            {l.name}
            {l.email ? ` · ${l.email}` : ""} · {labelOf(SOURCE_LABEL, l.source)}
          </div>
          {l.reason && <div className="truncate text-xs text-slate-600">{l.reason}</div>}
        </>
      ),
      verdict: (
        <Badge tone={VERDICT_TONE[l.verdict]} data-testid="lead-verdict">
          {VERDICT_LABEL[l.verdict]}
        </Badge>
      ),
      scores: (
        <span className="tabular-nums">
          Fit <b className="text-slate-900">{l.fit}</b> · Intent <b className="text-slate-900">{l.intent}</b>
        </span>
      ),
      owner: l.ownerName ?? "Unassigned",
      status: labelOf(STATUS_LABEL, l.status),
    },
  }));

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!lead || !mode) return;
    const data = new FormData(event.currentTarget);
    const text = (name: string) => {
      const v = data.get(name);
      return typeof v === "string" ? v : "";
    };
    const reason = text("reason");
    if (mode === "accept") convert.execute({ leadId: lead.id, pipelineId: text("pipelineId"), overrideReason: override ? reason : "" });
    else if (mode === "nurture") nurture.execute({ leadId: lead.id, reason, resumeOn: text("resumeOn"), watchFor: text("watchFor") });
    else disqualify.execute({ leadId: lead.id, reason });
  }

  return (
    <div>
      <DataTable
        label="Leads"
        testId="lead-inbox"
        rowTestId="lead-row"
        columns={LEAD_COLUMNS}
        rows={rows}
        selectable={owners !== undefined}
        toolbar={owners && <LeadBulkActions owners={owners} />}
        currentId={lead?.id}
        onRowClick={(id) =>
          setSelected(
            Math.max(
              0,
              leads.findIndex((l) => l.id === id),
            ),
          )
        }
      />
      {lead && (
        <div
          className="sticky bottom-0 z-10 border-t border-slate-200 bg-white px-4 py-3 shadow-[0_-4px_12px_-6px_rgb(15_23_42/0.25)]"
          data-testid="triage-bar"
        >
          {mode ? (
            <form
              onSubmit={submit}
              onKeyDown={(e) => {
                if (e.key === "Escape") {
                  setMode(null);
                  setOverride(false);
                }
              }}
              className="flex flex-wrap items-center gap-2"
              data-testid="triage-form"
            >
              <span className="text-sm font-medium text-slate-700">
                {mode === "accept" ? (override ? "Override the ICP knockout:" : "Convert") : mode === "nurture" ? "Not yet:" : "Not a fit:"}{" "}
                {lead.companyName}
              </span>
              {mode === "accept" && pipelines.length > 1 && (
                <Select name="pipelineId" aria-label="Pipeline" defaultValue={pipelines[0]?.id} className="w-48" data-testid="convert-pipeline">
                  {pipelines.map((p) => (
                    <option key={p.id} value={p.id}>
                      {p.name}
                    </option>
                  ))}
                </Select>
              )}
              {mode === "nurture" && <Input type="date" name="resumeOn" defaultValue={in90Days()} aria-label="Resume on" className="w-40" required />}
              {mode === "nurture" && <Input name="watchFor" placeholder="What to watch for" aria-label="What to watch for" className="max-w-56" />}
              {(mode !== "accept" || override) && (
                <Input
                  ref={reasonRef}
                  name="reason"
                  placeholder={override ? "Why this exception?" : "Reason"}
                  aria-label="Reason"
                  className="max-w-72"
                  required
                />
              )}
              <Button type="submit" size="sm" disabled={pending} autoFocus={mode === "accept" && !override}>
                {mode === "accept" ? (override ? "Override and convert" : "Convert to deal") : "Confirm"}
              </Button>
              <Button
                type="button"
                size="sm"
                variant="ghost"
                onClick={() => {
                  setMode(null);
                  setOverride(false);
                }}
              >
                Cancel
              </Button>
            </form>
          ) : (
            <div className="flex flex-wrap items-center gap-2 text-sm text-slate-600">
              <span className="mr-auto truncate">
                Selected: <b className="text-slate-900">{lead.companyName}</b>
              </span>
              {canConvert && (
                <Button size="sm" onClick={() => setMode("accept")} aria-keyshortcuts="a">
                  Accept <kbd className="text-xs opacity-70">A</kbd>
                </Button>
              )}
              <Button size="sm" variant="secondary" onClick={() => setMode("nurture")} aria-keyshortcuts="n">
                Nurture <kbd className="text-xs opacity-70">N</kbd>
              </Button>
              <Button size="sm" variant="secondary" onClick={() => setMode("disqualify")} aria-keyshortcuts="d">
                Disqualify <kbd className="text-xs opacity-70">D</kbd>
              </Button>
            </div>
          )}
        </div>
      )}
    </div>
  );
}
