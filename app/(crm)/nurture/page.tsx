import { Hourglass } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { ResumeButton } from "@/components/nurture/resume-button";
import { Card, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { listDue } from "@/lib/server/nurture/due";
import { requireUser } from "@/lib/server/session";
import { formatDate } from "@/lib/utils";

export const metadata: Metadata = { title: "Due for another look" };
export const dynamic = "force-dynamic";

function Row({
  href,
  title,
  sub,
  reason,
  watchFor,
  action,
}: {
  href: string;
  title: string;
  sub: string;
  reason: string | null;
  watchFor: string | null;
  action: React.ReactNode;
}) {
  return (
    <li className="flex flex-wrap items-center gap-3 px-4 py-3" data-testid="due-row">
      <div className="min-w-0 flex-1">
        <Link href={href} className="font-medium text-slate-900 hover:text-indigo-600">
          {title}
        </Link>
        <div className="text-xs text-slate-500">{sub}</div>
        <div className="mt-1 text-sm text-amber-800">{reason}</div>
        {watchFor && <div className="text-xs text-slate-600">Watching for: {watchFor}</div>}
      </div>
      {action}
    </li>
  );
}

export default async function NurturePage() {
  const user = await requireUser();
  const { leads, deals } = await listDue(user);
  return (
    <>
      <PageHeader
        title="Due for another look"
        description="“Not yet” leads and deals whose resume date arrived or whose watched account signals changed."
      />
      {leads.length + deals.length === 0 ? (
        <Card>
          <EmptyState
            icon={Hourglass}
            title="Nothing is due"
            description="Parked leads and deals come back here on their resume date, or sooner when funding or hiring changes."
          />
        </Card>
      ) : (
        <div className="grid grid-cols-1 gap-6 lg:grid-cols-2">
          <Card>
            <CardHeader title={`Leads (${leads.length})`} />
            <ul className="divide-y divide-slate-100">
              {leads.map((l) => (
                <Row
                  key={l.id}
                  href={`/leads/${l.id}`}
                  title={l.companyName}
                  sub={`${l.name} · parked until ${formatDate(l.resumeOn)}`}
                  reason={l.resurfaceReason}
                  watchFor={l.watchFor}
                  action={<ResumeButton kind="lead" id={l.id} />}
                />
              ))}
              {leads.length === 0 && <li className="px-4 py-3 text-sm text-slate-500">No leads due.</li>}
            </ul>
          </Card>
          <Card>
            <CardHeader title={`Deals (${deals.length})`} />
            <ul className="divide-y divide-slate-100">
              {deals.map((d) => (
                <Row
                  key={d.id}
                  href={`/opportunities/${d.id}`}
                  title={d.name}
                  sub={`${d.account.name} · ${d.owner.name} · parked until ${formatDate(d.resumeOn)}`}
                  reason={d.resurfaceReason}
                  watchFor={d.watchFor}
                  action={<ResumeButton kind="deal" id={d.id} />}
                />
              ))}
              {deals.length === 0 && <li className="px-4 py-3 text-sm text-slate-500">No deals due.</li>}
            </ul>
          </Card>
        </div>
      )}
    </>
  );
}
