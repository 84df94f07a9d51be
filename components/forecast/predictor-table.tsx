import { Table, Td, Th } from "@/components/ui/data-table";
import { PREDICTORS, type HonestyGroup, type Predictor, type PredictorScore } from "@/lib/qualification";
import { formatMoney } from "@/lib/utils";
import { noun } from "@/lib/vocabulary";

export const PREDICTOR_LABELS: Record<Predictor, string> = { stage: "Stage (raw)", rep: "Rep confidence", adjusted: "Adjusted" };

/** Percentage points with their sign: "+1 pt", "−12 pts". */
export const points = (v: number | null) => {
  if (v === null) return "—";
  const n = Math.round(v * 100);
  return `${n > 0 ? "+" : ""}${n} ${noun(Math.abs(n), "pt")}`;
};
export const brier = (v: number | null) => (v === null ? "—" : v.toFixed(3));

function Cell({ score, currency }: { score: PredictorScore; currency: string }) {
  if (score.deals === 0) return <Td className="text-slate-500">no forecast</Td>;
  return (
    <Td className="tabular-nums">
      <div>
        {formatMoney(score.predictedAmount, currency)}{" "}
        <span className="text-xs text-slate-500">
          ({score.amountError >= 0 ? "+" : "−"}
          {formatMoney(Math.abs(score.amountError), currency)})
        </span>
      </div>
      <div className="text-xs text-slate-500">
        bias {points(score.bias)} · Brier {brier(score.brier)}
      </div>
    </Td>
  );
}

/** Per group (a quarter or a rep): what closed, and what each predictor forecast with its error, bias and Brier score. */
export function HonestyGroupTable({
  groups,
  label,
  nameOf,
  currency,
  testId,
}: {
  groups: HonestyGroup[];
  label: string;
  nameOf: (key: string) => string;
  currency: string;
  testId: string;
}) {
  return (
    <Table data-testid={testId}>
      <thead className="bg-slate-50">
        <tr>
          <Th>{label}</Th>
          <Th className="text-right">Won / closed</Th>
          <Th className="text-right">Won amount</Th>
          {PREDICTORS.map((p) => (
            <Th key={p}>{PREDICTOR_LABELS[p]} forecast (error)</Th>
          ))}
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-100 bg-white">
        {groups.map((g) => (
          <tr key={g.key}>
            <Td className="font-medium text-slate-900">{nameOf(g.key)}</Td>
            <Td className="text-right tabular-nums">
              {g.won} / {g.won + g.lost}
            </Td>
            <Td className="text-right tabular-nums">{formatMoney(g.scores.stage.wonAmount, currency)}</Td>
            {PREDICTORS.map((p) => (
              <Cell key={p} score={g.scores[p]} currency={currency} />
            ))}
          </tr>
        ))}
      </tbody>
    </Table>
  );
}
