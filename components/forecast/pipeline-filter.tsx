import Link from "next/link";
import { PipelineSelect } from "@/components/filters/pipeline-select";

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
      <PipelineSelect pipelines={pipelines} value={pipelineId} visibleLabel />
      <button className="h-9 rounded-md bg-slate-800 px-3 text-sm font-medium text-white hover:bg-slate-700">Apply</button>
      {pipelineId && (
        <Link href={path} className="text-sm text-slate-500 hover:text-slate-800">
          Clear
        </Link>
      )}
    </form>
  );
}
