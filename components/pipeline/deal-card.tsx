import { Ban, CircleCheck, Flag } from "lucide-react";
import Link from "next/link";
import { scoreTone, VERDICT_LABEL, VERDICT_TONE } from "@/components/qualification/labels";
import { Badge } from "@/components/ui/badge";
import type { BoardCard } from "@/lib/server/pipeline/board";
import { formatMoney } from "@/lib/utils";
import { CardActions, type StageOption } from "./card-actions";

/** Re-qualification flags as one count; critical ones turn it red, and the texts are in the tooltip. */
function FlagCount({ flags }: { flags: BoardCard["flags"] }) {
  if (flags.length === 0) return null;
  const critical = flags.filter((f) => f.severity === "critical").length;
  const texts = flags.map((f) => `${f.severity === "critical" ? "Critical: " : ""}${f.text}`);
  return (
    <Badge tone={critical > 0 ? "bad" : "warn"} title={texts.join("\n")} data-testid="flag-count">
      <Flag className="size-3" aria-hidden />
      {flags.length}
      <span className="sr-only">
        {" "}re-qualification flag{flags.length === 1 ? "" : "s"}{critical > 0 && `, ${critical} critical`}: {texts.join("; ")}
      </span>
    </Badge>
  );
}

/** Whether the next gate would let the deal through now, or the first thing holding it. */
function GateStatus({ gate }: { gate: BoardCard["nextGate"] }) {
  if (!gate) return null;
  if (gate.allowed) {
    return (
      <p className="mt-2 flex items-center gap-1.5 text-xs text-emerald-700" data-testid="gate-status" data-gate="ready">
        <CircleCheck className="size-3.5 shrink-0" aria-hidden />
        Ready to advance to {gate.toStageLabel}
      </p>
    );
  }
  const [first, ...rest] = gate.blockers;
  return (
    <p className="mt-2 flex items-start gap-1.5 text-xs text-rose-700" data-testid="gate-status" data-gate="blocked" title={gate.blockers.join("\n")}>
      <Ban className="mt-px size-3.5 shrink-0" aria-hidden />
      <span>
        <span className="sr-only">Blocked: </span>
        {first}
        {rest.length > 0 && <span className="ml-1 font-medium text-rose-800">+{rest.length} more</span>}
      </span>
    </p>
  );
}

export function DealCard({ card, stages, canOverride }: { card: BoardCard; stages: StageOption[]; canOverride: boolean }) {
  return (
    <article className="rounded-md bg-white p-3 shadow-sm ring-1 ring-slate-200" aria-labelledby={`deal-${card.id}`} data-testid="deal-card" data-deal-id={card.id}>
      <h3 id={`deal-${card.id}`} className="text-sm font-medium leading-snug">
        <Link href={`/opportunities/${card.id}`} className="text-slate-900 hover:text-indigo-600">{card.name}</Link>
      </h3>
      <p className="mt-0.5 truncate text-xs text-slate-500">{card.accountName} · {card.ownerName}</p>
      <div className="mt-2 flex items-center justify-between gap-2">
        <span className="text-sm font-semibold tabular-nums text-slate-900">{formatMoney(card.amount, card.currency)}</span>
        {card.verdict ? <Badge tone={VERDICT_TONE[card.verdict]} data-testid="verdict">{VERDICT_LABEL[card.verdict]}</Badge> : <Badge tone="neutral">Scoring…</Badge>}
      </div>
      <div className="mt-2 flex flex-wrap items-center gap-1.5">
        {card.fit !== null && <Badge tone={scoreTone(card.fit)}>Fit {card.fit}</Badge>}
        {card.intent !== null && <Badge tone={scoreTone(card.intent)}>Intent {card.intent}</Badge>}
        <FlagCount flags={card.flags} />
        {card.pending && <span className="text-xs text-slate-500" title="Being re-scored after a settings change">re-scoring…</span>}
      </div>
      <GateStatus gate={card.nextGate} />
      {card.canMove && (
        <CardActions
          opportunityId={card.id}
          dealName={card.name}
          version={card.version}
          stageId={card.stageId}
          nextStageId={card.nextGate?.toStageId ?? null}
          stages={stages}
          canOverride={canOverride}
        />
      )}
    </article>
  );
}
