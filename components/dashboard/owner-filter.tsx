import Link from "next/link";
import { Select } from "@/components/ui/field";
import type { OwnerOption } from "@/lib/server/dashboard/get-dashboard";

/** A plain GET form: the filter lives in the URL, so a manager can bookmark or share one rep's view. */
export function OwnerFilter({ owners, ownerId }: { owners: OwnerOption[]; ownerId: string | null }) {
  return (
    <form className="flex items-center gap-2" role="search" aria-label="Filter the dashboard">
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
      {ownerId && (
        <Link href="/dashboard" className="text-sm text-slate-500 hover:text-slate-800">
          Clear
        </Link>
      )}
    </form>
  );
}
