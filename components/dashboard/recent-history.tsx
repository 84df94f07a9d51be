import { formatDistanceStrict } from "date-fns";
import { ArrowRight, History } from "lucide-react";
import Link from "next/link";
import type { ReactNode } from "react";
import { Badge } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/empty-state";
import { VERDICT_TONE } from "@/components/qualification/labels";
import { Tooltip } from "@/components/ui/tooltip";
import type { ScoreChangeItem, StageChangeItem } from "@/lib/server/dashboard/recent-history";
import { cn, formatDateTime } from "@/lib/utils";
import { scoreTriggerLabel, VERDICT_LABEL } from "@/lib/vocabulary";

/**
 * "3 days ago", with the exact moment on hover and for screen readers. Not a tab stop: a dashboard of these would
 * double the stops between the deals' links, and the exact time is on each deal's timeline.
 */
function When({ at, now }: { at: Date; now: Date }) {
  const exact = formatDateTime(at);
  return (
    <Tooltip content={exact}>
      <time dateTime={at.toISOString()} className="shrink-0 text-xs text-slate-500">
        {formatDistanceStrict(at, now, { addSuffix: true })}
        <span className="sr-only"> ({exact})</span>
      </time>
    </Tooltip>
  );
}

function Item({ href, name, at, now, children }: { href: string; name: string; at: Date; now: Date; children: ReactNode }) {
  return (
    <li className="px-5 py-3">
      <div className="flex items-baseline justify-between gap-3">
        <Link href={href} className="truncate text-sm font-medium text-slate-900 hover:text-indigo-600">
          {name}
        </Link>
        <When at={at} now={now} />
      </div>
      <div className="mt-1 text-xs text-slate-600">{children}</div>
    </li>
  );
}

export function StageChangeList({ items, now }: { items: StageChangeItem[]; now: Date }) {
  if (items.length === 0)
    return (
      <EmptyState icon={History} title="No stage moves yet" description="Moves through the pipeline appear here, with any gate a manager overrode." />
    );
  return (
    <ul className="divide-y divide-slate-100" data-testid="stage-changes">
      {items.map((c) => (
        <Item key={c.id} href={`/opportunities/${c.opportunityId}`} name={c.opportunityName} at={c.at} now={now}>
          <div className="flex flex-wrap items-center gap-x-2 gap-y-1">
            <span className="inline-flex items-center gap-1 font-medium text-slate-700">
              {c.fromLabel}
              <ArrowRight className="size-3" role="img" aria-label="to" />
              {c.toLabel}
            </span>
            <span>by {c.actorName}</span>
            <Badge tone={c.outcome === "overridden" ? "warn" : "good"}>{c.outcome === "overridden" ? "Overridden" : "Allowed"}</Badge>
          </div>
          {c.outcome === "overridden" && (
            <p className="mt-1 text-slate-600">
              {c.reason && <span className="italic">“{c.reason}”</span>}
              {c.overridden.length > 0 && (
                <span className="text-slate-500">
                  {" "}
                  — let through: {c.overridden[0]}
                  {c.overridden.length > 1 && ` (+${c.overridden.length - 1} more)`}
                </span>
              )}
            </p>
          )}
        </Item>
      ))}
    </ul>
  );
}

function Change({ label, from, to }: { label: string; from: number | undefined; to: number }) {
  const delta = from === undefined ? 0 : to - from;
  return (
    <span className="tabular-nums">
      {label} {from !== undefined && from !== to && <span className="text-slate-500">{from} → </span>}
      <span className="font-medium text-slate-800">{to}</span>
      {delta !== 0 && (
        <span className={cn("ml-0.5", delta > 0 ? "text-emerald-700" : "text-rose-700")}>
          ({delta > 0 ? "+" : "−"}
          {Math.abs(delta)})
        </span>
      )}
    </span>
  );
}

export function ScoreChangeList({ items, now }: { items: ScoreChangeItem[]; now: Date }) {
  if (items.length === 0)
    return (
      <EmptyState
        icon={History}
        title="No score changes yet"
        description="Every change in fit, intent or verdict is recorded here as evidence comes in."
      />
    );
  return (
    <ul className="divide-y divide-slate-100" data-testid="score-changes">
      {items.map((s) => (
        <Item key={s.id} href={`/opportunities/${s.opportunityId}`} name={s.opportunityName} at={s.at} now={now}>
          <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
            <Change label="Intent" from={s.previous?.intent} to={s.intent} />
            <Change label="Fit" from={s.previous?.fit} to={s.fit} />
            {s.previous && s.previous.verdict !== s.verdict && (
              <Badge tone={VERDICT_TONE[s.previous.verdict]} className="line-through">
                {VERDICT_LABEL[s.previous.verdict]}
              </Badge>
            )}
            <Badge tone={VERDICT_TONE[s.verdict]}>{VERDICT_LABEL[s.verdict]}</Badge>
            <span className="text-slate-500">
              {s.stageLabel} · {scoreTriggerLabel(s.trigger)}
            </span>
          </div>
        </Item>
      ))}
    </ul>
  );
}
