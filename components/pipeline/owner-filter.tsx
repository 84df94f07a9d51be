import Link from "next/link";
import type { BoardOrder, BoardParams } from "@/lib/server/pipeline/board";
import { cn } from "@/lib/utils";

const OPTIONS: Array<{ value: BoardParams["owner"]; label: string }> = [
  { value: "all", label: "Everyone" },
  { value: "me", label: "My deals" },
];

const ORDERS: Array<{ value: BoardOrder; label: string }> = [
  { value: "amount", label: "Largest" },
  { value: "close", label: "Closing soonest" },
  { value: "recent", label: "Recent activity" },
  { value: "intent", label: "Best qualified" },
];

const href = (owner: BoardParams["owner"], order: BoardOrder, pipeline: string | null) => {
  const params = new URLSearchParams({
    ...(pipeline && { pipeline }),
    ...(owner !== "all" && { owner }),
    ...(order !== "amount" && { order }),
  }).toString();
  return params ? `/pipeline?${params}` : "/pipeline";
};

function Segmented<T extends string>({
  label,
  options,
  current,
  link,
}: {
  label: string;
  options: Array<{ value: T; label: string }>;
  current: T;
  link: (v: T) => string;
}) {
  return (
    <nav aria-label={label} className="inline-flex rounded-md bg-white p-0.5 shadow-sm ring-1 ring-slate-300">
      {options.map((o) => (
        <Link
          key={o.value}
          href={link(o.value)}
          aria-current={current === o.value ? "page" : undefined}
          className={cn(
            "rounded px-3 py-1 text-sm font-medium",
            current === o.value ? "bg-slate-800 text-white" : "text-slate-600 hover:bg-slate-100",
          )}
        >
          {o.label}
        </Link>
      ))}
    </nav>
  );
}

/**
 * Which pipeline the board shows (its columns are that pipeline's stages, so there is no "all"), whose deals and
 * in which order each column lists them; kept in the URL so a board can be reloaded and shared.
 */
export function OwnerFilter({
  owner,
  order,
  pipeline,
  pipelines,
}: {
  owner: BoardParams["owner"];
  order: BoardOrder;
  pipeline: string;
  pipelines: Array<{ id: string; name: string }>;
}) {
  // The first pipeline is the default: its link stays short.
  const chosen = pipelines[0]?.id === pipeline ? null : pipeline;
  return (
    <div className="flex flex-wrap items-center gap-2">
      {pipelines.length > 1 && (
        <Segmented
          label="Pipeline"
          options={pipelines.map((p) => ({ value: p.id, label: p.name }))}
          current={pipeline}
          link={(p) => href(owner, order, pipelines[0]?.id === p ? null : p)}
        />
      )}
      <Segmented label="Order of each column" options={ORDERS} current={order} link={(o) => href(owner, o, chosen)} />
      <Segmented label="Whose deals" options={OPTIONS} current={owner} link={(o) => href(o, order, chosen)} />
    </div>
  );
}
