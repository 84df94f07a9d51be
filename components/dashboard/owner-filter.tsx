import Link from "next/link";
import { FilterCombobox } from "@/components/filters/filter-combobox";
import { PipelineSelect } from "@/components/filters/pipeline-select";
import type { OwnerOption } from "@/lib/server/dashboard/get-dashboard";

/**
 * A plain GET form: the filters live in the URL, so a manager can bookmark or share one rep's or one pipeline's
 * view. The owner is picked with search (it applies at once); the pipeline choice shows only when the organization
 * has more than one.
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
      <PipelineSelect pipelines={pipelines} value={pipelineId} visibleLabel />
      <label htmlFor="owner" className="text-sm text-slate-600">
        Owner
      </label>
      <FilterCombobox
        id="owner"
        name="owner"
        searchLabel="Search owners"
        options={[{ value: "", label: "Everyone" }, ...owners.map((o) => ({ value: o.id, label: o.name }))]}
        value={ownerId ?? ""}
        placeholder="Everyone"
        className="w-48"
      />
      <button className="h-9 rounded-md bg-slate-800 px-3 text-sm font-medium text-white hover:bg-slate-700">Apply</button>
      {(ownerId || pipelineId) && (
        <Link href="/dashboard" className="text-sm text-slate-500 hover:text-slate-800">
          Clear
        </Link>
      )}
    </form>
  );
}
