import { FilterBar } from "@/components/ui/filter-bar";
import { VerdictSelect } from "@/components/qualification/verdict-select";
import { Select } from "@/components/ui/field";
import type { DashboardParams } from "@/lib/server/dashboard/params";
import type { RiskLevel } from "@/lib/server/dashboard/risk-list";

/** Flag kinds a manager filters on, in the engine's vocabulary with a human label. */
export const FLAG_LABELS: Record<string, string> = {
  stale_deal: "Deal gone quiet",
  silent_champion: "Silent champion",
  close_date_past: "Close date passed",
  close_date_slipped: "Close date slipped",
  budget_unconfirmed_late: "Budget unconfirmed late",
  stakeholder_never_engaged: "Stakeholder never engaged",
  evidence_stale: "Stale evidence",
};

const LEVEL_LABELS: Record<RiskLevel, string> = { critical: "Critical", warning: "Warning", blocked: "Gate blocked" };

/** The risk list's filters; the pipeline and owner filters of the page header are carried along. */
export function RiskFilters({
  params,
  stages,
  counts,
}: {
  params: DashboardParams;
  stages: Array<{ id: string; label: string }>;
  counts: Record<RiskLevel, number>;
}) {
  const filtered = Boolean(params.level || params.flag || params.stage || params.verdict);
  const kept = new URLSearchParams({
    ...(params.pipeline && { pipeline: params.pipeline }),
    ...(params.owner && { owner: params.owner }),
  }).toString();
  return (
    <FilterBar clearHref={kept ? `/dashboard?${kept}` : "/dashboard"} showClear={filtered}>
      {params.pipeline && <input type="hidden" name="pipeline" value={params.pipeline} />}
      {params.owner && <input type="hidden" name="owner" value={params.owner} />}
      <Select name="level" defaultValue={params.level ?? ""} className="max-w-44" aria-label="Severity">
        <option value="">All severities</option>
        {(Object.keys(LEVEL_LABELS) as RiskLevel[]).map((l) => (
          <option key={l} value={l}>
            {LEVEL_LABELS[l]} ({counts[l]})
          </option>
        ))}
      </Select>
      <Select name="flag" defaultValue={params.flag ?? ""} className="max-w-52" aria-label="Flag">
        <option value="">Any flag</option>
        {Object.entries(FLAG_LABELS).map(([kind, label]) => (
          <option key={kind} value={kind}>
            {label}
          </option>
        ))}
      </Select>
      <Select name="stage" defaultValue={params.stage ?? ""} className="max-w-44" aria-label="Stage">
        <option value="">All stages</option>
        {stages.map((s) => (
          <option key={s.id} value={s.id}>
            {s.label}
          </option>
        ))}
      </Select>
      <VerdictSelect value={params.verdict} />
    </FilterBar>
  );
}
