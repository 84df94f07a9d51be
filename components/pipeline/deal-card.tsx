"use client";

import * as Tooltip from "@radix-ui/react-tooltip";
import { Ban, CircleCheck, Flag, GripVertical } from "lucide-react";
import Link from "next/link";
import { useEffect, useState } from "react";
import { scoreTone, VERDICT_LABEL, VERDICT_TONE } from "@/components/qualification/labels";
import { Badge } from "@/components/ui/badge";
import type { BoardCard } from "@/lib/server/pipeline/board";
import { formatMoney } from "@/lib/utils";
import type { DragHandle } from "./board-dnd";
import { CardMenu, type StageOption } from "./card-menu";

/**
 * Open state for a tooltip that closes on any scroll. Radix closes only when the scrolled element contains the
 * trigger; a card that moves because the board, a column or the page scrolled (or a wheel over the tooltip itself)
 * otherwise leaves the tip floating over unrelated cards.
 */
function useCloseOnScroll() {
  const [open, setOpen] = useState(false);
  useEffect(() => {
    if (!open) return;
    const close = () => setOpen(false);
    window.addEventListener("scroll", close, { capture: true, passive: true });
    return () => window.removeEventListener("scroll", close, { capture: true });
  }, [open]);
  return [open, setOpen] as const;
}

const tipClass = "z-50 max-w-64 rounded-md bg-slate-900 px-2.5 py-1.5 text-xs leading-snug text-white shadow-lg dark:bg-slate-100 dark:text-slate-900";

/** A small focusable sign with its words in an accessible tooltip (hover or keyboard focus), not a `title`. */
function Tip({ label, children, testId, gate }: { label: string; children: React.ReactNode; testId?: string; gate?: string }) {
  const [open, setOpen] = useCloseOnScroll();
  return (
    <Tooltip.Root open={open} onOpenChange={setOpen}>
      <Tooltip.Trigger asChild>
        <button type="button" className="inline-flex items-center gap-0.5 rounded focus-visible:outline-2 focus-visible:outline-indigo-600" data-testid={testId} data-gate={gate}>
          {children}
        </button>
      </Tooltip.Trigger>
      <Tooltip.Portal>
        <Tooltip.Content side="bottom" sideOffset={4} className={tipClass}>
          {label}
          <Tooltip.Arrow className="fill-slate-900 dark:fill-slate-100" />
        </Tooltip.Content>
      </Tooltip.Portal>
    </Tooltip.Root>
  );
}

/** Re-qualification flags as one count; critical ones turn it red; the texts are in the tooltip. */
function FlagCount({ flags }: { flags: BoardCard["flags"] }) {
  if (flags.length === 0) return null;
  const critical = flags.filter((f) => f.severity === "critical").length;
  const texts = flags.map((f) => `${f.severity === "critical" ? "Critical: " : ""}${f.text}`);
  return (
    <Tip label={texts.join(" · ")} testId="flag-count">
      <Badge tone={critical > 0 ? "bad" : "warn"}>
        <Flag className="size-3" aria-hidden />
        {flags.length}
        <span className="sr-only"> re-qualification flag{flags.length === 1 ? "" : "s"}{critical > 0 && `, ${critical} critical`}</span>
      </Badge>
    </Tip>
  );
}

/** Whether the next gate would let the deal through now, or the first thing holding it (in the tooltip). */
function GateStatus({ gate }: { gate: BoardCard["nextGate"] }) {
  if (!gate) return null;
  if (gate.allowed) {
    return (
      <Tip label={`Ready to advance to ${gate.toStageLabel}`} testId="gate-status" gate="ready">
        <CircleCheck className="size-4 text-emerald-600 dark:text-emerald-400" aria-hidden />
        <span className="sr-only">Ready to advance to {gate.toStageLabel}</span>
      </Tip>
    );
  }
  const [first, ...rest] = gate.blockers;
  const more = rest.length > 0 ? ` (+${rest.length} more)` : "";
  return (
    <Tip label={`${first ?? "Blocked"}${more}`} testId="gate-status" gate="blocked">
      <Ban className="size-4 text-rose-600 dark:text-rose-400" aria-hidden />
      <span className="sr-only">Blocked: <span data-testid="first-blocker">{first}</span>{more}</span>
    </Tip>
  );
}

/**
 * A compact card (~90 px): name, account and owner, amount, verdict and intent, and signs for the gate and
 * flags whose words show on hover or focus. Stage moves live in the card's menu, or by drag (mouse or keys).
 */
export function DealCard({ card, stages, canOverride, handle }: { card: BoardCard; stages: StageOption[]; canOverride: boolean; handle: DragHandle | null }) {
  const header = (
    <h3 id={`deal-${card.id}`} className="truncate text-sm font-medium leading-snug">
      <Link href={`/opportunities/${card.id}`} className="text-slate-900 hover:text-indigo-600 dark:text-slate-100 dark:hover:text-indigo-300">{card.name}</Link>
    </h3>
  );
  const body = (
    <>
      <p className="truncate text-xs text-slate-600 dark:text-slate-400">{card.accountName} · {card.ownerName}</p>
      <div className="mt-1 flex items-center gap-1.5">
        {handle && (
          <button
            type="button"
            {...handle.attributes}
            {...handle.listeners}
            aria-label={`Drag ${card.name} to another stage`}
            className="-ml-1 cursor-grab rounded text-slate-400 hover:text-slate-700 focus-visible:outline-2 focus-visible:outline-indigo-600 active:cursor-grabbing"
            data-testid="drag-handle"
          >
            <GripVertical className="size-4" aria-hidden />
          </button>
        )}
        <span className="truncate text-sm font-semibold tabular-nums text-slate-900 dark:text-slate-100">{formatMoney(card.amount, card.currency)}</span>
        <span className="ml-auto flex shrink-0 items-center gap-1">
          <FlagCount flags={card.flags} />
          <GateStatus gate={card.nextGate} />
        </span>
      </div>
      <div className="mt-1 flex items-center gap-1 whitespace-nowrap">
        {card.verdict ? <Badge tone={VERDICT_TONE[card.verdict]} data-testid="verdict">{VERDICT_LABEL[card.verdict]}</Badge> : <Badge tone="neutral">Scoring…</Badge>}
        {card.intent !== null && <Badge tone={scoreTone(card.intent)} data-testid="intent">Intent {card.intent}</Badge>}
      </div>
      {card.pending && <p className="mt-1 text-xs text-slate-600 dark:text-slate-400">Re-scoring after a settings change…</p>}
    </>
  );
  return (
    <article className="rounded-md bg-white px-2.5 py-2 shadow-sm ring-1 ring-slate-200 dark:bg-slate-900 dark:ring-slate-700" aria-labelledby={`deal-${card.id}`} data-testid="deal-card" data-deal-id={card.id}>
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
