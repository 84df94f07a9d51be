import { CalendarCheck } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { Card, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { myDay } from "@/lib/server/opportunities/next-step";
import { requireUser } from "@/lib/server/session";
import { formatDate } from "@/lib/utils";

export const metadata: Metadata = { title: "My day" };
export const dynamic = "force-dynamic";

function StepList({
  title,
  rows,
  tone,
  testId,
}: {
  title: string;
  rows: Array<{ id: string; name: string; nextStep: string | null; nextStepDueOn: Date | null; account: { name: string } }>;
  tone: string;
  testId: string;
}) {
  return (
    <Card>
      <CardHeader title={`${title} (${rows.length})`} />
      <ul className="divide-y divide-slate-100" data-testid={testId}>
        {rows.map((d) => (
          <li key={d.id} className="px-4 py-3">
            <Link href={`/opportunities/${d.id}`} className="font-medium text-slate-900 hover:text-indigo-600">
              {d.name}
            </Link>
            <div className="text-xs text-slate-600">{d.account.name}</div>
            <div className={`mt-1 text-sm ${tone}`}>
              {d.nextStep} · due {formatDate(d.nextStepDueOn)}
            </div>
          </li>
        ))}
        {rows.length === 0 && <li className="px-4 py-3 text-sm text-slate-600">Nothing here.</li>}
      </ul>
    </Card>
  );
}

/** The signed-in user's own work for today: overdue and due next steps, and what came back from nurture. */
export default async function MyDayPage() {
  const user = await requireUser();
  const { overdue, dueToday, dueDeals, dueLeads } = await myDay(user);
  const empty = overdue.length + dueToday.length + dueDeals.length + dueLeads.length === 0;
  return (
    <>
      <PageHeader title="My day" description="Your deals' next steps that are overdue or due today, and what is due for another look." />
      {empty ? (
        <Card>
          <EmptyState
            icon={CalendarCheck}
            title="Nothing is due today"
            description="Set a next step with a due date on a deal and it shows here on the day."
          />
        </Card>
      ) : (
        <div className="grid grid-cols-1 gap-6 lg:grid-cols-2">
          <StepList title="Overdue" rows={overdue} tone="text-rose-700" testId="overdue-steps" />
          <StepList title="Due today" rows={dueToday} tone="text-slate-800" testId="today-steps" />
          {dueDeals.length + dueLeads.length > 0 && (
            <Card className="lg:col-span-2">
              <CardHeader title={`Due for another look (${dueDeals.length + dueLeads.length})`} />
              <ul className="divide-y divide-slate-100">
                {dueDeals.map((d) => (
                  <li key={d.id} className="px-4 py-3">
                    <Link href={`/opportunities/${d.id}`} className="font-medium text-slate-900 hover:text-indigo-600">
                      {d.name}
                    </Link>
                    <div className="text-sm text-amber-800">{d.resurfaceReason}</div>
                  </li>
                ))}
                {dueLeads.map((l) => (
                  <li key={l.id} className="px-4 py-3">
                    <Link href={`/leads/${l.id}`} className="font-medium text-slate-900 hover:text-indigo-600">
                      {l.companyName}
                    </Link>
                    <div className="text-sm text-amber-800">{l.resurfaceReason}</div>
                  </li>
                ))}
              </ul>
            </Card>
          )}
        </div>
      )}
    </>
  );
}
