import Link from "next/link";
import { Select } from "@/components/ui/field";
import type { OwnerOption } from "@/lib/server/dashboard/get-dashboard";

/**
 * A plain GET form: the filters live in the URL, so a manager can bookmark or share one rep's or one pipeline's
 * view. The pipeline choice shows only when the organization has more than one.
 */
export function OwnerFilter({
  owners,
  ownerId,
  pipelines,
  pipelineId,
}: {
  owners: OwnerOption[];
  ownerId: string | null;
  pipelines: Array<{ id: string; name: string }>;
  pipelineId: string | null;
}) {
  return (
    <form className="flex flex-wrap items-center gap-2" role="search" aria-label="Filter the dashboard">
      {pipelines.length > 1 && (
        <>
          <label htmlFor="pipeline" className="text-sm text-slate-600">
            Pipeline
          </label>
          <Select id="pipeline" name="pipeline" defaultValue={pipelineId ?? ""} className="w-48">
            <option value="">All pipelines</option>
            {pipelines.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </Select>
        </>
      )}
      <label htmlFor="owner" className="text-sm text-slate-600">
        Owner
      </label>
      <Select id="owner" name="owner" defaultValue={ownerId ?? ""} className="w-48">
        <option value="">Everyone</option>
        {owners.map((o) => (
          <option key={o.id} value={o.id}>
            {o.name}
          </option>
        ))}
      </Select>
      <button className="h-9 rounded-md bg-slate-800 px-3 text-sm font-medium text-white hover:bg-slate-700">Apply</button>
      {(ownerId || pipelineId) && (
        <Link href="/dashboard" className="text-sm text-slate-500 hover:text-slate-800">
          Clear
        </Link>
      )}
    </form>
  );
}
