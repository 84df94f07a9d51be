import { ArrowRightLeft, Gauge, Handshake, ListChecks, MailCheck, MessageSquareText, ShieldAlert } from "lucide-react";
import type { TimelineEntry } from "@/lib/server/qualification/opportunity-view";
import { formatDate, formatDateTime } from "@/lib/utils";
import { scoreTriggerLabel } from "@/lib/vocabulary";
import { STATE_LABEL, VERDICT_LABEL } from "./labels";

const ICONS = {
  note: MessageSquareText,
  criterion: ListChecks,
  stage: ArrowRightLeft,
  override: ShieldAlert,
  score: Gauge,
  activity: Handshake,
  recap: MailCheck,
} as const;

/** Everything that happened to the deal, newest first: notes, evidence, stage moves, overrides and scores. */
export function Timeline({
  entries,
  stageLabel,
  criterionLabel,
}: {
  entries: TimelineEntry[];
  stageLabel: (id: string) => string;
  criterionLabel: (id: string) => string;
}) {
  if (entries.length === 0) return <p className="text-sm text-slate-500">Nothing has happened on this deal yet.</p>;
  return (
    <ol className="relative space-y-4 border-l border-slate-200 pl-5" data-testid="timeline">
      {entries.map((entry) => {
        const Icon = ICONS[entry.kind];
        return (
          <li key={`${entry.kind}-${entry.id}`} className="relative" data-kind={entry.kind}>
            <span className="absolute -left-[1.85rem] top-0.5 rounded-full bg-white p-1 ring-1 ring-slate-200">
              <Icon className="size-3.5 text-slate-500" aria-hidden />
            </span>
            <div className="text-sm text-slate-800">
              <Describe entry={entry} stageLabel={stageLabel} criterionLabel={criterionLabel} />
            </div>
            <div className="text-xs text-slate-500">{[entry.actor, formatDateTime(entry.at)].filter(Boolean).join(" · ")}</div>
          </li>
        );
      })}
    </ol>
  );
}

function Describe({
  entry,
  stageLabel,
  criterionLabel,
}: {
  entry: TimelineEntry;
  stageLabel: (id: string) => string;
  criterionLabel: (id: string) => string;
}) {
  switch (entry.kind) {
    case "note":
      return <p className="whitespace-pre-wrap">{entry.body}</p>;
    case "criterion":
      return (
        <p>
          <span className="font-medium">{criterionLabel(entry.criterionId)}</span>: {label(entry.from)} → {label(entry.to)}
          {entry.reason && <span className="text-slate-500"> ({entry.reason})</span>}
        </p>
      );
    case "stage":
      return (
        <div>
          <p>
            Stage {stageLabel(entry.from)} → <span className="font-medium">{stageLabel(entry.to)}</span>
            {entry.outcome === "overridden" && <span className="ml-1 rounded bg-amber-100 px-1.5 text-xs font-medium text-amber-800">override</span>}
          </p>
          {entry.outcome === "overridden" && (
            <p className="text-xs text-slate-600">
              Reason: {entry.reason} · let through: {entry.blockers.map((b) => b.message).join("; ")}
            </p>
          )}
          {entry.outcome !== "overridden" && entry.reason && (
            <p
              className={entry.blockers.length > 0 ? "text-xs font-medium text-amber-800" : "text-xs text-slate-600"}
              data-testid="stage-change-note"
            >
              {entry.reason}
              {entry.blockers.length > 0 && `: ${entry.blockers.map((b) => b.message).join("; ")}`}
            </p>
          )}
        </div>
      );
    case "override":
      return (
        <p>
          Gate <span className="font-medium">leaving {stageLabel(entry.stageKey)}</span> overridden until {formatDate(entry.expiresAt)}:{" "}
          {entry.reason}
        </p>
      );
    case "activity": {
      const what = entry.activityKind === "champion_test" ? "Champion test passed" : `${CHANNEL[entry.channel ?? ""] ?? "Engagement"}`;
      const backdated = formatDate(entry.happenedAt) !== formatDate(entry.at);
      return (
        <p>
          <span className="font-medium">{what}</span> with {entry.contactName}: {entry.summary}
          {backdated && <span className="text-slate-500"> (happened {formatDate(entry.happenedAt)}, recorded later)</span>}
        </p>
      );
    }
    case "recap": {
      if (entry.event === "created")
        return (
          <p>
            Recap sent to <span className="font-medium">{entry.contactName}</span>
          </p>
        );
      if (entry.event === "revoked")
        return (
          <p>
            Recap link for <span className="font-medium">{entry.contactName}</span> revoked: it no longer opens
          </p>
        );
      const what = entry.event === "confirm" ? "confirmed" : entry.event === "correct" ? "corrected" : "marked not right";
      return (
        <p>
          Buyer <span className="font-medium">{entry.contactName}</span> {what} {criterionLabel(entry.criterionId ?? "")} in a recap
          {entry.text && <span className="text-slate-600">: “{entry.text}”</span>}
        </p>
      );
    }
    case "score":
      return (
        <p>
          Scores: fit {entry.fit}, intent {entry.intent}, verdict {VERDICT_LABEL[entry.verdict as keyof typeof VERDICT_LABEL] ?? entry.verdict}{" "}
          <span className="text-slate-500">({scoreTriggerLabel(entry.trigger)})</span>
        </p>
      );
  }
}

const label = (state: string) => STATE_LABEL[state as keyof typeof STATE_LABEL] ?? state;

const CHANNEL: Record<string, string> = { meeting: "Meeting", call: "Call", email_reply: "Email reply" };
