import { Select } from "@/components/ui/field";

/**
 * The "Pipeline" choice of a filter form (`name="pipeline"`, empty for all of them). Shown only when the
 * organization has more than one pipeline. With `visibleLabel` it carries its own `<label>`; otherwise it is named
 * for a filter row without visible labels.
 */
export function PipelineSelect({
  pipelines,
  value,
  visibleLabel = false,
  className = "w-48",
}: {
  pipelines: ReadonlyArray<{ id: string; name: string }>;
  value: string | null | undefined;
  visibleLabel?: boolean;
  className?: string;
}) {
  if (pipelines.length < 2) return null;
  const select = (
    <Select
      id={visibleLabel ? "pipeline" : undefined}
      name="pipeline"
      defaultValue={value ?? ""}
      className={className}
      aria-label={visibleLabel ? undefined : "Pipeline"}
    >
      <option value="">All pipelines</option>
      {pipelines.map((p) => (
        <option key={p.id} value={p.id}>
          {p.name}
        </option>
      ))}
    </Select>
  );
  if (!visibleLabel) return select;
  return (
    <>
      <label htmlFor="pipeline" className="text-sm text-slate-600">
        Pipeline
      </label>
      {select}
    </>
  );
}
