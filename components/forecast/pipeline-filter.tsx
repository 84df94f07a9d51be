import Link from "next/link";
import { Select } from "@/components/ui/field";

/** A plain GET form choosing one pipeline or all of them; shown only when the organization has more than one. */
export function PipelineFilter({
  path,
  pipelines,
  pipelineId,
}: {
  path: string;
  pipelines: Array<{ id: string; name: string }>;
  pipelineId: string | null;
}) {
  if (pipelines.length < 2) return null;
  return (
    <form className="flex items-center gap-2" role="search" aria-label="Filter by pipeline">
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
      <button className="h-9 rounded-md bg-slate-800 px-3 text-sm font-medium text-white hover:bg-slate-700">Apply</button>
      {pipelineId && (
        <Link href={path} className="text-sm text-slate-500 hover:text-slate-800">
          Clear
        </Link>
      )}
    </form>
  );
}
