import { Info } from "lucide-react";
import type { ReactNode } from "react";
import { Card } from "@/components/ui/card";
import { BANDS, DEFAULT_BAND_FACTORS } from "@/lib/qualification";
import type { CalibrationInfo } from "@/lib/server/dashboard/get-dashboard";
import type { PipelineSummary } from "@/lib/server/dashboard/summarize";
import { cn, formatMoney } from "@/lib/utils";
import { VerdictMix } from "./verdict-mix";

function Stat({ label, value, children, testId }: { label: string; value: ReactNode; children?: ReactNode; testId: string }) {
  return (
    <Card className="flex flex-col p-5" data-testid={testId}>
      <div className="text-xs font-medium uppercase tracking-wide text-slate-500">{label}</div>
      <div className="mt-1.5 text-2xl font-semibold tracking-tight text-slate-900 tabular-nums">{value}</div>
      {children && <div className="mt-2 text-xs text-slate-500">{children}</div>}
    </Card>
  );
}

/** "−12%" against the raw forecast: how much qualification takes off (or adds to) the stage-weighted number. */
function Delta({ raw, adjusted }: { raw: number; adjusted: number }) {
  if (raw === 0) return null;
  const change = Math.round(((adjusted - raw) / raw) * 100);
  const tone = change < 0 ? "text-rose-700" : change > 0 ? "text-emerald-700" : "text-slate-500";
  return (
    <span className={cn("font-medium", tone)}>
      {change > 0 ? "+" : change < 0 ? "−" : "±"}
      {Math.abs(change)}% vs raw
    </span>
  );
}

/** Short form for the stat card; calibration that no cell could use is reported as the defaults it fell back to. */
function calibrationStatus(c: CalibrationInfo): string {
  if (!c.used) return "default factors";
  if (c.trustedCells === 0) return `default factors (${c.closedDeals} closed, too few to calibrate)`;
  return `calibrated on ${c.closedDeals} closed deal${c.closedDeals === 1 ? "" : "s"}`;
}

function calibrationSentence(c: CalibrationInfo): string {
  const defaults = BANDS.map((b) => `${b} ×${DEFAULT_BAND_FACTORS[b]}`).join(", ");
  if (!c.used) return `Default qualification factors (${defaults}): there are no closed deals to calibrate on yet.`;
  const closed = `${c.closedDeals} closed deal${c.closedDeals === 1 ? "" : "s"} (${c.won} won, ${c.lost} lost)`;
  if (c.trustedCells === 0) {
    return `Default qualification factors (${defaults}): calibration ran on ${closed}, but no stage × qualification band has the ${c.minSample} deals it needs yet.`;
  }
  return `Calibrated on ${closed}: ${c.trustedCells} of ${c.totalCells} stage × band cells have at least ${c.minSample} deals and use the observed win rate; the rest use the defaults (${defaults}).`;
}

export function HeadlineStats({ summary, calibration, currency }: { summary: PipelineSummary; calibration: CalibrationInfo; currency: string }) {
  return (
    <div className="grid gap-4 sm:grid-cols-2 xl:grid-cols-4">
      <Stat label="Open pipeline" value={formatMoney(summary.openAmount, currency)} testId="stat-open-pipeline">
        {summary.openCount} open deal{summary.openCount === 1 ? "" : "s"}
      </Stat>
      <Stat label="Raw forecast" value={formatMoney(summary.raw, currency)} testId="stat-raw-forecast">
        Amount × stage probability
      </Stat>
      <Stat label="Qualification-adjusted" value={formatMoney(summary.adjusted, currency)} testId="stat-adjusted-forecast">
        <Delta raw={summary.raw} adjusted={summary.adjusted} />
        <span className="ml-1.5" data-testid="calibration-status">
          · {calibrationStatus(calibration)}
        </span>
      </Stat>
      <Card className="p-5" data-testid="stat-verdicts">
        <div className="text-xs font-medium uppercase tracking-wide text-slate-500">Verdicts on open deals</div>
        <VerdictMix verdicts={summary.verdicts} />
      </Card>
    </div>
  );
}

/** How the adjusted number was priced, including every fallback taken, so nobody has to guess. */
export function ForecastBasisNote({
  calibration: c,
  summary,
  mixedCurrencies,
  currency,
}: {
  calibration: CalibrationInfo;
  summary: PipelineSummary;
  mixedCurrencies: boolean;
  currency: string;
}) {
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;
  const notes = [
    calibrationSentence(c),
    c.trustedCells > 0 &&
      `${summary.calibratedDeals} of ${plural(summary.openCount, "open deal")} ${summary.calibratedDeals === 1 ? "is" : "are"} priced with an observed win rate.`,
    c.scoredAtClose > 0 && `${plural(c.scoredAtClose, "closed deal")} had no score history and were scored by the engine as of the close date.`,
    c.pathUnknown > 0 && `${plural(c.pathUnknown, "lost deal")} without stage history count as lost in the first stage.`,
    c.skipped > 0 && `${plural(c.skipped, "lost deal")} whose last stage is no longer in the pipeline were left out.`,
    mixedCurrencies && `Deals in other currencies are summed as if in ${currency}.`,
  ].filter(Boolean);
  return (
    <p className="-mt-2 flex gap-2 text-xs leading-5 text-slate-500" data-testid="calibration-note">
      <Info className="mt-0.5 size-3.5 shrink-0" aria-hidden />
      <span>{notes.join(" ")}</span>
    </p>
  );
}
