import { Ban, ShieldAlert } from "lucide-react";

export interface BlockerItem {
  stageId: string;
  code: string;
  message: string;
  override?: { reason: string } | undefined;
}

/** The engine's blockers in its own plain words, grouped by the gate (stage exit) that holds them. */
export function BlockerList({
  blockers,
  stageLabel,
  overridden = false,
}: {
  blockers: BlockerItem[];
  stageLabel: (id: string) => string;
  overridden?: boolean;
}) {
  const byStage = new Map<string, BlockerItem[]>();
  for (const b of blockers) byStage.set(b.stageId, [...(byStage.get(b.stageId) ?? []), b]);
  const Icon = overridden ? ShieldAlert : Ban;
  return (
    <div className="space-y-2" data-testid={overridden ? "overridden-blockers" : "blockers"}>
      {[...byStage].map(([stageId, items]) => (
        <div key={stageId}>
          <div className="text-xs font-medium text-slate-500">Leaving {stageLabel(stageId)}</div>
          <ul className="mt-1 space-y-1">
            {items.map((b) => (
              <li key={`${b.code}-${b.message}`} className="flex items-start gap-2 text-sm text-slate-800">
                <Icon className={overridden ? "mt-0.5 size-4 shrink-0 text-amber-500" : "mt-0.5 size-4 shrink-0 text-rose-500"} aria-hidden />
                <span>
                  {b.message}
                  {b.override && <span className="block text-xs text-amber-700">Overridden: {b.override.reason}</span>}
                </span>
              </li>
            ))}
          </ul>
        </div>
      ))}
    </div>
  );
}
