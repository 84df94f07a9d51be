import { Card } from "@/components/ui/card";
import { PREDICTORS, type HonestyReport } from "@/lib/qualification";
import { cn, formatMoney } from "@/lib/utils";
import { brier, PREDICTOR_LABELS, points } from "./predictor-table";

/** One card per predictor: its Brier score, bias and money error over every closed deal the page rests on. */
export function PredictorCards({ report, currency }: { report: HonestyReport; currency: string }) {
  return (
    <div className="grid gap-4 md:grid-cols-3" data-testid="predictor-cards">
      {PREDICTORS.map((p) => {
        const s = report.overall[p];
        const best = report.mostHonest === p;
        return (
          <Card key={p} className={cn("p-5", best && "ring-2 ring-indigo-500")} data-testid={`predictor-${p}`}>
            <div className="flex items-center justify-between">
              <h2 className="text-sm font-semibold text-slate-900">{PREDICTOR_LABELS[p]}</h2>
              {best && <span className="rounded-full bg-indigo-50 px-2 py-0.5 text-xs font-medium text-indigo-700">Most honest</span>}
            </div>
            <p className="mt-3 text-2xl font-semibold tabular-nums text-slate-900" data-testid={`brier-${p}`}>
              {brier(s.brier)}
            </p>
            <p className="text-xs text-slate-500">
              Brier score (0 is perfect, 0.25 is a coin flip) over {s.forecasts} forecast{s.forecasts === 1 ? "" : "s"} on {s.deals} deal
              {s.deals === 1 ? "" : "s"}
            </p>
            <dl className="mt-3 space-y-1 text-sm text-slate-700">
              <div className="flex justify-between">
                <dt>Bias</dt>
                <dd className="tabular-nums">
                  {points(s.bias)}
                  {s.bias !== null && s.bias > 0.02 ? " (optimistic)" : s.bias !== null && s.bias < -0.02 ? " (pessimistic)" : ""}
                </dd>
              </div>
              <div className="flex justify-between">
                <dt>Forecast</dt>
                <dd className="tabular-nums">{formatMoney(s.predictedAmount, currency)}</dd>
              </div>
              <div className="flex justify-between">
                <dt>Actually won</dt>
                <dd className="tabular-nums">{formatMoney(s.wonAmount, currency)}</dd>
              </div>
              <div className="flex justify-between">
                <dt>Error</dt>
                <dd className="tabular-nums">
                  {s.amountError >= 0 ? "+" : "−"}
                  {formatMoney(Math.abs(s.amountError), currency)}
                </dd>
              </div>
            </dl>
          </Card>
        );
      })}
    </div>
  );
}
