import { Badge } from "@/components/ui/badge";
import type { IcpVersionView } from "@/lib/server/icp/queries";
import { formatDateTime } from "@/lib/utils";
import { RulesList } from "./rules-list";

/** Every saved ICP version, newest first; each opens to the rules it held. */
export function VersionHistory({ versions }: { versions: IcpVersionView[] }) {
  if (versions.length === 0) return <p className="text-sm text-slate-500">No versions saved yet.</p>;
  return (
    <ul className="divide-y divide-slate-100" data-testid="icp-history">
      {versions.map((v, i) => (
        <li key={v.id}>
          <details className="group py-2.5">
            <summary className="flex cursor-pointer list-none items-start justify-between gap-4 text-sm">
              <div className="min-w-0">
                <span className="font-medium text-slate-900">Version {v.version}</span>
                {i === 0 && (
                  <Badge tone="info" className="ml-2">
                    Current
                  </Badge>
                )}
                <div className="text-xs text-slate-500">
                  {formatDateTime(v.createdAt)}
                  {v.createdBy ? ` · ${v.createdBy}` : ""}
                </div>
                {v.note && <div className="mt-0.5 truncate text-xs text-slate-600">“{v.note}”</div>}
              </div>
              <div className="shrink-0 text-right text-xs text-slate-500">
                {v.rules === null ? "unreadable rules" : `${v.rules.length} rule${v.rules.length === 1 ? "" : "s"}`}
                <div>
                  pursue ≥ {v.pursueThreshold}
                  {v.disqualifyBelow !== null && `, floor ${v.disqualifyBelow}`}
                </div>
              </div>
            </summary>
            <div className="mt-2 rounded-md bg-slate-50 px-3">
              {v.rules === null ? (
                <p className="py-2 text-sm text-rose-700">This version&apos;s rules could not be read.</p>
              ) : (
                <RulesList rules={v.rules} />
              )}
            </div>
          </details>
        </li>
      ))}
    </ul>
  );
}
