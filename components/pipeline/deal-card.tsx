"use client";

import Link from "next/link";
import { scoreTone, VERDICT_LABEL, VERDICT_TONE } from "@/components/qualification/labels";
import { Badge } from "@/components/ui/badge";
import { TipTarget, Tooltip } from "@/components/ui/tooltip";
import type { BoardCard } from "@/lib/server/pipeline/board";
import { cn, formatMoney } from "@/lib/utils";
import type { DragHandle } from "./board-dnd";
import { BoardIcon } from "./board-icons";
import { CardMenu, type StageOption } from "./card-menu";

/** A small focusable sign with its words in an accessible tooltip (hover or keyboard focus), not a `title`. */
function Tip({ label, children, testId, gate }: { label: string; children: React.ReactNode; testId?: string; gate?: string }) {
  return (
    <Tooltip content={label} side="bottom">
      {/* Padding makes the sign a 24 px target; the negative margin keeps the card's layout as it was. */}
      <TipTarget className="-m-1 inline-flex items-center gap-0.5 p-1" data-testid={testId} data-gate={gate}>
        {children}
      </TipTarget>
    </Tooltip>
  );
}

/** Re-qualification flags as one count; critical ones turn it red; the texts are in the tooltip. */
function FlagCount({ flags }: { flags: BoardCard["flags"] }) {
  if (flags.length === 0) return null;
  const critical = flags.filter((f) => f.severity === "critical").length;
  const texts = flags.map((f) => `${f.severity === "critical" ? "Critical: " : ""}${f.text}`);
  return (
    <Tip label={texts.join(" · ")} testId="flag-count">
      {/* Bare sign and count, not a pill: it shares the amount's row, and the amount must not be cut. */}
      <span className={cn("inline-flex items-center gap-0.5 text-xs font-semibold", critical > 0 ? "text-rose-700" : "text-amber-700")}>
        <BoardIcon name="flag" className="size-3" />
        {flags.length}
        <span className="sr-only">
          {" "}
          re-qualification flag{flags.length === 1 ? "" : "s"}
          {critical > 0 && `, ${critical} critical`}
        </span>
      </span>
    </Tip>
  );
}

/** Whether the next gate would let the deal through now, or the first thing holding it (in the tooltip). */
function GateStatus({ gate }: { gate: BoardCard["nextGate"] }) {
  if (!gate) return null;
  if (gate.allowed) {
    return (
      <Tip label={`Ready to advance to ${gate.toStageLabel}`} testId="gate-status" gate="ready">
        <BoardIcon name="ready" className="size-4 text-emerald-600" />
        <span className="sr-only">Ready to advance to {gate.toStageLabel}</span>
      </Tip>
    );
  }
  const [first, ...rest] = gate.blockers;
  const more = rest.length > 0 ? ` (+${rest.length} more)` : "";
  return (
    <Tip label={`${first ?? "Blocked"}${more}`} testId="gate-status" gate="blocked">
      <BoardIcon name="blocked" className="size-4 text-rose-600" />
      <span className="sr-only">
        Blocked: <span data-testid="first-blocker">{first}</span>
        {more}
      </span>
    </Tip>
  );
}

/** A stage edit left the deal at a gate it has not passed; it stays flagged until it next moves. */
function HeldBadge({ held }: { held: BoardCard["held"] }) {
  if (!held) return null;
  const why = `Held at ${held.stageLabel} by a stage edit${held.blockers.length > 0 ? `: ${held.blockers.join(" · ")}` : ""}`;
  return (
    <Tip label={why} testId="held-badge">
      <Badge tone="warn">
        <BoardIcon name="held" className="size-3" />
        Held
        <span className="sr-only">: {why}</span>
      </Badge>
    </Tip>
  );
}

/**
 * A compact card (~90 px): name, account and owner, amount, verdict and intent, and signs for the gate and
 * flags whose words show on hover or focus. Stage moves live in the card's menu, or by drag (mouse or keys).
 */
export function DealCard({
  card,
  stages,
  canOverride,
  handle,
}: {
  card: BoardCard;
  stages: StageOption[];
  canOverride: boolean;
  handle: DragHandle | null;
}) {
  const header = (
    <h3 id={`deal-${card.id}`} className="text-sm font-medium">
      {/* A block link: its box ends where the truncated text does (not under the menu button) and is 24 px tall. */}
      <Link href={`/opportunities/${card.id}`} className="block truncate leading-6 text-slate-900 hover:text-indigo-600">
        {card.name}
      </Link>
    </h3>
  );
  const body = (
    <>
      <p className="truncate text-xs text-slate-600">
        {card.accountName} · {card.ownerName}
      </p>
      {/* Rows wrap rather than cut: the amount is never truncated, and badges never run past the card. */}
      <div className="mt-1 flex flex-wrap items-center gap-x-1.5 gap-y-0.5">
        {handle && (
          <button
            type="button"
            {...handle.attributes}
            {...handle.listeners}
            aria-label={`Drag ${card.name} to another stage`}
            className="-my-1 -mr-1 -ml-2 cursor-grab rounded p-1 text-slate-400 hover:text-slate-700 focus-visible:outline-2 focus-visible:outline-indigo-600 active:cursor-grabbing"
            data-testid="drag-handle"
          >
            <BoardIcon name="grip" className="size-4" />
          </button>
        )}
        <span className="whitespace-nowrap text-sm font-semibold tabular-nums text-slate-900">{formatMoney(card.amount, card.currency)}</span>
        <span className="ml-auto flex shrink-0 items-center gap-1.5">
          <FlagCount flags={card.flags} />
          <GateStatus gate={card.nextGate} />
        </span>
      </div>
      <div className="mt-1 flex flex-wrap items-center gap-1 whitespace-nowrap">
        {card.verdict ? (
          <Badge tone={VERDICT_TONE[card.verdict]} data-testid="verdict">
            {VERDICT_LABEL[card.verdict]}
          </Badge>
        ) : (
          <Badge tone="neutral">Scoring…</Badge>
        )}
        {card.intent !== null && (
          <Badge tone={scoreTone(card.intent)} data-testid="intent">
            Intent {card.intent}
          </Badge>
        )}
        <HeldBadge held={card.held} />
      </div>
      {card.pending && <p className="mt-1 text-xs text-slate-600">Re-scoring after a settings change…</p>}
    </>
  );
  return (
    <article
      className="rounded-md bg-white px-2.5 py-2 shadow-sm ring-1 ring-slate-200"
      aria-labelledby={`deal-${card.id}`}
      data-testid="deal-card"
      data-deal-id={card.id}
    >
      {card.canMove ? (
        <CardMenu
          opportunityId={card.id}
          dealName={card.name}
          version={card.version}
          stageId={card.stageId}
          nextStageId={card.nextGate?.toStageId ?? null}
          stages={stages}
          canOverride={canOverride}
          header={header}
        >
          {body}
        </CardMenu>
      ) : (
        <>
          {header}
          {body}
        </>
      )}
    </article>
  );
}
