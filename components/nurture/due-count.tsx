import { Hourglass } from "lucide-react";
import Link from "next/link";
import { countDue } from "@/lib/server/nurture/due";
import type { SessionUser } from "@/lib/server/session";

/** Dashboard tile: how many parked leads and deals are due for another look. Fetches its own count. */
export async function DueCount({ user }: { user: SessionUser }) {
  const count = await countDue(user);
  return (
    <Link
      href="/nurture"
      className="mb-6 flex items-center gap-3 rounded-lg bg-white px-4 py-3 shadow-sm ring-1 ring-slate-200 hover:ring-indigo-300"
      data-testid="due-count"
    >
      <Hourglass className="size-5 text-amber-600" aria-hidden />
      <span className="text-sm text-slate-700">
        <b className="text-lg tabular-nums text-slate-900">{count}</b> due for another look
      </span>
      <span className="ml-auto text-xs text-indigo-600">Open the list →</span>
    </Link>
  );
}
