import { Badge } from "@/components/ui/badge";
import { Table, Td, Th } from "@/components/ui/data-table";
import type { CriterionDefinition } from "@/lib/qualification";

/** A framework's criteria: what each weighs, whether it is a must-have, how long evidence stays fresh, what to ask. */
export function CriteriaTable({ criteria }: { criteria: CriterionDefinition[] }) {
  const total = criteria.reduce((sum, c) => sum + c.weight, 0);
  return (
    <Table data-testid="criteria-table">
      <thead className="bg-slate-50">
        <tr>
          <Th>Criterion</Th>
          <Th className="text-right">Weight</Th>
          <Th>Must-have</Th>
          <Th>Fresh for</Th>
          <Th>Discovery questions</Th>
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-100">
        {criteria.map((c) => (
          <tr key={c.id} className="align-top">
            <Td className="whitespace-normal">
              <div className="font-medium text-slate-900">{c.label}</div>
              <div className="mt-0.5 max-w-xs text-xs text-slate-500">{c.description}</div>
            </Td>
            <Td className="text-right tabular-nums">
              {c.weight}
              {total > 0 && <div className="text-xs text-slate-500">{Math.round((100 * c.weight) / total)}% of intent</div>}
            </Td>
            <Td>{c.knockout ? <Badge tone="warn">Knockout</Badge> : <span className="text-slate-500">—</span>}</Td>
            <Td>{c.freshnessDays === null ? "Never stale" : `${c.freshnessDays} days`}</Td>
            <Td className="whitespace-normal">
              <ul className="list-disc space-y-0.5 pl-4 text-xs text-slate-600">
                {c.questions.map((q) => (
                  <li key={q}>{q}</li>
                ))}
              </ul>
            </Td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}
