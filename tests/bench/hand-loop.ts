/**
 * The baseline: the same scorecard work as `computeFit` + `scoreIntent`, written as one flat hand-optimised
 * function with no abstraction (no per-rule helpers, no shared status objects). run.ts checks that it returns
 * results deep-equal to the engine's before timing either, so the ratio compares like with like.
 */
import type {
  AccountProfile,
  CriterionScore,
  FitResult,
  Framework,
  Gap,
  IcpDefinition,
  OpportunitySnapshot,
  Reason,
  RuleResult,
} from "../../lib/qualification";

const DAY = 86_400_000;

/** Rule lists lower-cased once, as the engine caches them per ICP. */
export function prepare(icp: IcpDefinition): string[][] {
  return icp.rules.map((r) => {
    switch (r.kind) {
      case "industry_in":
        return r.industries.map((s) => s.trim().toLowerCase());
      case "region_in":
        return r.regions.map((s) => s.trim().toLowerCase());
      case "country_in":
        return r.countries.map((s) => s.trim().toLowerCase());
      case "tech_includes":
      case "tech_excludes":
        return r.technologies.map((s) => s.trim().toLowerCase());
      case "funding_stage_in":
        return r.stages.map((s) => s.trim().toLowerCase());
      case "hiring_signals":
        return (r.signals ?? []).map((s) => s.trim().toLowerCase());
      case "employee_range":
        return [];
    }
  });
}

const low = (s: string | null) => (s === null ? null : s.trim().toLowerCase());

export function handFit(a: AccountProfile, icp: IcpDefinition, lists: string[][]): FitResult {
  const industry = low(a.industry),
    region = low(a.region),
    country = low(a.country),
    funding = low(a.fundingStage);
  const tech = a.techStack.map((s) => s.trim().toLowerCase());
  const hiring = a.hiringSignals.map((s) => s.trim().toLowerCase());
  let total = 0;
  for (const r of icp.rules) total += Math.max(0, r.weight);
  const rules: RuleResult[] = [];
  const failed: string[] = [],
    unknownKo: string[] = [];
  let matched = 0,
    unknown = 0;
  for (let i = 0; i < icp.rules.length; i++) {
    const r = icp.rules[i]!;
    const values = lists[i]!;
    let outcome: "match" | "miss" | "unknown";
    let reason: string;
    switch (r.kind) {
      case "industry_in":
      case "region_in":
      case "country_in":
      case "funding_stage_in": {
        const [what, v, raw, shown] =
          r.kind === "industry_in"
            ? (["Industry", industry, a.industry, r.industries] as const)
            : r.kind === "region_in"
              ? (["Region", region, a.region, r.regions] as const)
              : r.kind === "country_in"
                ? (["Country", country, a.country, r.countries] as const)
                : (["Funding stage", funding, a.fundingStage, r.stages] as const);
        if (v === null) {
          outcome = "unknown";
          reason = `${what} unknown: add it to the account`;
        } else if (values.includes(v)) {
          outcome = "match";
          reason = `${what} ${raw} is in the ICP (${shown.join(", ")})`;
        } else {
          outcome = "miss";
          reason = `${what} ${raw} is not in the ICP (${shown.join(", ")})`;
        }
        break;
      }
      case "employee_range": {
        const n = a.employeeCount;
        const range = `${(r.min ?? 0).toLocaleString("en-US")}–${r.max === undefined ? "∞" : r.max.toLocaleString("en-US")}`;
        if (n === null) {
          outcome = "unknown";
          reason = "Employee count unknown: add it to the account";
        } else if ((r.min === undefined || n >= r.min) && (r.max === undefined || n <= r.max)) {
          outcome = "match";
          reason = `${n.toLocaleString("en-US")} employees is within ${range}`;
        } else {
          outcome = "miss";
          reason = `${n.toLocaleString("en-US")} employees is outside ${range}`;
        }
        break;
      }
      case "tech_includes":
      case "tech_excludes": {
        let found = 0;
        for (const t of values) if (tech.includes(t)) found++;
        const shown = r.technologies.join(", ");
        if (tech.length === 0) {
          outcome = "unknown";
          reason = "Tech stack unknown: enrich the account";
        } else if (r.kind === "tech_excludes") {
          outcome = found === 0 ? "match" : "miss";
          reason = found === 0 ? `Uses none of ${shown}` : `Uses an excluded technology (${shown})`;
        } else {
          const ok = r.mode === "any" ? found > 0 : found === values.length;
          const need = r.mode === "any" ? "any of" : "all of";
          outcome = ok ? "match" : "miss";
          reason = ok ? `Uses ${need} ${shown}` : `Does not use ${need} ${shown}`;
        }
        break;
      }
      case "hiring_signals": {
        if (hiring.length === 0) {
          outcome = "unknown";
          reason = "No hiring signals recorded yet";
          break;
        }
        let n = hiring.length;
        if (r.signals !== undefined) {
          n = 0;
          for (const h of hiring) if (values.includes(h)) n++;
        }
        const scope = r.signals === undefined ? "" : ` from ${r.signals.join(", ")}`;
        outcome = n >= r.minCount ? "match" : "miss";
        reason = `${n} hiring signal(s)${scope}, at least ${r.minCount} wanted`;
        break;
      }
    }
    const weight = Math.max(0, r.weight);
    if (outcome === "match") matched += weight;
    else if (outcome === "unknown") unknown += weight;
    if (r.knockout && outcome === "miss") failed.push(r.id);
    if (r.knockout && outcome === "unknown") unknownKo.push(r.id);
    rules.push({
      ruleId: r.id,
      label: r.label,
      kind: r.kind,
      outcome,
      contribution: outcome === "match" && total > 0 ? (100 * weight) / total : 0,
      weight,
      knockout: r.knockout,
      reason,
    });
  }
  const ko = failed.length > 0;
  const score = ko ? 0 : total > 0 ? Math.round((100 * matched) / total) : 100;
  const potential = ko ? 0 : total > 0 ? Math.round((100 * (matched + unknown)) / total) : 100;
  const knownShare = total > 0 ? (total - unknown) / total : 1;
  let known = 0,
    matches = 0;
  const reasons: Reason[] = [];
  for (const r of rules) {
    if (r.outcome !== "unknown") known++;
    if (r.outcome === "match") matches++;
  }
  reasons.push({ code: "fit_score", text: `Fit ${score}/100 against ICP v${icp.version}: ${matches} of ${known} known rule(s) match` });
  for (const r of rules) {
    if (!r.knockout || r.outcome === "match") continue;
    reasons.push(
      r.outcome === "miss"
        ? { code: "icp_knockout", criterionId: r.ruleId, text: `Knockout "${r.label}" failed: ${r.reason}` }
        : { code: "icp_knockout_unknown", criterionId: r.ruleId, text: `Knockout "${r.label}" not yet known (${r.reason}); unknown is not a miss` },
    );
  }
  if (rules.length - known > 0)
    reasons.push({
      code: "fit_unknown",
      text: `${rules.length - known} rule(s) unknown (${Math.round(100 * (1 - knownShare))}% of weight); best case fit ${potential}/100`,
    });
  return { icpVersion: icp.version, score, potential, knownShare, rules, knockoutsFailed: failed, knockoutsUnknown: unknownKo, reasons };
}

export function handIntent(fw: Framework, opp: OpportunitySnapshot, now: Date) {
  const criteria: CriterionScore[] = [];
  const gaps: Gap[] = [];
  let total = 0,
    earned = 0,
    covered = 0,
    verifiedN = 0;
  const t = now.getTime();
  for (const def of fw.criteria) {
    let ev = undefined;
    for (const c of opp.criteria)
      if (c.criterionId === def.id) {
        ev = c;
        break;
      }
    const state = ev?.state ?? "unknown";
    let last: Date | null = null;
    if (ev)
      for (const it of ev.evidence) {
        if (!last || it.capturedAt.getTime() > last.getTime()) last = it.capturedAt;
        if (it.verifiedAt && it.verifiedAt.getTime() > last.getTime()) last = it.verifiedAt;
      }
    const fresh = state === "unknown" || def.freshnessDays === null || (last !== null && !(t - last.getTime() > def.freshnessDays * DAY));
    const stale = !fresh && (state === "claimed" || state === "verified");
    const effectiveState = stale ? "stale" : state;
    const age = last === null ? "undated" : `${Math.floor((t - last.getTime()) / DAY)} day(s) old`;
    const what = state === "claimed" ? "Claimed, not verified" : "Verified";
    const reason =
      state === "unknown"
        ? "Unknown: no evidence yet"
        : state === "negative"
          ? `Negative: the prospect said no (evidence ${age})`
          : fresh
            ? `${what} (evidence ${age})`
            : `${what} but stale: evidence ${age}, freshness window ${def.freshnessDays} days`;
    const weight = Math.max(0, def.weight);
    const base = state === "verified" ? 1 : state === "claimed" ? 0.5 : 0;
    const points = weight * (fresh ? base : base * 0.5);
    criteria.push({
      criterionId: def.id,
      label: def.label,
      state,
      effectiveState,
      fresh,
      lastEvidenceAt: last,
      reason,
      weight,
      knockout: def.knockout,
      points,
    });
    total += weight;
    earned += points;
    if (state === "claimed" || state === "verified") covered++;
    if (effectiveState === "verified") verifiedN++;
    const L = def.label;
    if (effectiveState === "claimed") gaps.push({ criterionId: def.id, label: L, kind: "unverified", text: `${L}: claimed but not verified` });
    else if (effectiveState === "unknown") gaps.push({ criterionId: def.id, label: L, kind: "unknown", text: `${L}: no evidence yet` });
    else if (effectiveState === "negative") gaps.push({ criterionId: def.id, label: L, kind: "negative", text: `${L}: the prospect said no` });
    else if (effectiveState === "stale") gaps.push({ criterionId: def.id, label: L, kind: "stale", text: `${L}: evidence is stale, re-confirm it` });
  }
  const n = fw.criteria.length;
  const score = total > 0 ? Math.round((100 * earned) / total) : 0;
  const reasons: Reason[] = [
    {
      code: "intent_score",
      text: `Intent ${score}/100 on ${fw.name}: ${covered} of ${n} criteria at least claimed, ${verifiedN} verified and fresh`,
    },
  ];
  return { score, criteria, coverage: n > 0 ? covered / n : 0, gaps, reasons };
}
