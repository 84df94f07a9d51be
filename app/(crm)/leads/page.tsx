import { FileUp, Inbox } from "lucide-react";
import type { Metadata } from "next";
import { LazyConversionChart } from "@/components/leads/lazy-conversion-chart";
import { SOURCE_LABEL, STATUS_LABEL, VERDICT_LABEL } from "@/components/leads/labels";
import { LeadInbox, type InboxLead } from "@/components/leads/lead-inbox";
import { ButtonLink } from "@/components/ui/button";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { Pagination, type SearchParams } from "@/components/ui/data-table";
import { EmptyState } from "@/components/ui/empty-state";
import { ExportLink } from "@/components/ui/export-link";
import { FilterBar } from "@/components/ui/filter-bar";
import { Input, Select } from "@/components/ui/field";
import { PageHeader } from "@/components/ui/page-header";
import { SavedViews } from "@/components/ui/saved-views";
import { can, scopeOf } from "@/lib/permissions";
import { conversionStats, findLeads, LEAD_SOURCES, LEAD_STATUSES, LEAD_VERDICTS, leadListParams } from "@/lib/server/leads/queries";
import { db } from "@/lib/server/db";
import { listPipelines } from "@/lib/server/pipeline/pipelines";
import { requireUser } from "@/lib/server/session";
import { listSavedViews } from "@/lib/server/views/saved-views";
import { listAssignableUsers } from "@/lib/server/users/assignable";

export const metadata: Metadata = { title: "Leads" };

export default async function LeadsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const user = await requireUser();
  const views = await listSavedViews(user, "leads");
  const raw = await searchParams;
  const params = leadListParams.parse(raw);
  const orgWide = scopeOf(user.role, "lead.view") === "org";
  // Reps work only their own leads, so handing leads to someone else is for org-wide roles.
  const [page, stats, owners, pipelines] = await Promise.all([
    findLeads(user, params),
    orgWide ? conversionStats(user) : null,
    orgWide ? listAssignableUsers(user, "lead.view") : [],
    listPipelines(db(), user.organizationId),
  ]);
  const leads: InboxLead[] = page.rows.map((l) => {
    const reasons = Array.isArray(l.reasons) ? (l.reasons as { text?: string }[]) : [];
    return {
      id: l.id,
      name: l.name,
      email: l.email,
      companyName: l.companyName,
      source: l.source,
      status: l.status,
      fit: l.fit,
      intent: l.intent,
      verdict: l.verdict as InboxLead["verdict"],
      ownerName: l.ownerName,
      reason: l.disqualifyReason ?? reasons[0]?.text ?? null,
      createdAt: l.createdAt.toISOString(),
    };
  });
  const filtered = Boolean(params.q || params.verdict || params.source || params.status !== "new" || params.owner !== "all");
  return (
    <>
      <PageHeader
        title="Leads"
        description={orgWide ? "Everyone who showed interest, best fit and intent first." : "Your new leads, best fit and intent first."}
        actions={
          <>
            <SavedViews list="leads" views={views} />
            <ExportLink list="leads" params={raw} />
            {can(user.role, "import.run") && (
              <ButtonLink href="/import" variant="secondary">
                <FileUp className="size-4" aria-hidden />
                Import
              </ButtonLink>
            )}
          </>
        }
      />
      {stats && (
        <Card className="mb-6">
          <CardHeader
            title="Conversion to deals"
            description="Share of leads sales accepted, by where they came from and by ICP fit band: marketing's feedback loop."
          />
          <CardBody className="grid grid-cols-1 gap-6 md:grid-cols-2">
            <LazyConversionChart
              title="By source"
              cells={stats.bySource.map((c) => ({ ...c, label: SOURCE_LABEL[c.key as keyof typeof SOURCE_LABEL] }))}
            />
            <LazyConversionChart title="By fit band" cells={stats.byFitBand.map((c) => ({ ...c, label: `Fit ${c.key}` }))} />
          </CardBody>
        </Card>
      )}
      <Card>
        <FilterBar clearHref="/leads" showClear={filtered}>
          <Input name="q" placeholder="Search company, name or email" defaultValue={params.q} className="max-w-xs" aria-label="Search leads" />
          <Select name="status" defaultValue={params.status} className="max-w-40" aria-label="Status">
            {LEAD_STATUSES.map((s) => (
              <option key={s} value={s}>
                {STATUS_LABEL[s]}
              </option>
            ))}
            <option value="all">Any status</option>
          </Select>
          <Select name="verdict" defaultValue={params.verdict ?? ""} className="max-w-40" aria-label="Verdict">
            <option value="">Any verdict</option>
            {LEAD_VERDICTS.map((v) => (
              <option key={v} value={v}>
                {VERDICT_LABEL[v]}
              </option>
            ))}
          </Select>
          <Select name="source" defaultValue={params.source ?? ""} className="max-w-40" aria-label="Source">
            <option value="">Any source</option>
            {LEAD_SOURCES.map((s) => (
              <option key={s} value={s}>
                {SOURCE_LABEL[s]}
              </option>
            ))}
          </Select>
          {orgWide && (
            <Select name="owner" defaultValue={params.owner} className="max-w-36" aria-label="Owner">
              <option value="all">Everyone&apos;s</option>
              <option value="mine">Mine</option>
            </Select>
          )}
        </FilterBar>
        {leads.length === 0 ? (
          <EmptyState
            icon={Inbox}
            title={filtered ? "No leads match these filters" : "No new leads"}
            description={filtered ? "Try a broader filter." : "Leads from the intake form, imports and the API land here, scored and routed."}
          />
        ) : (
          <>
            <LeadInbox
              leads={leads}
              canConvert={can(user.role, "lead.convert")}
              canOverride={can(user.role, "lead.override_knockout")}
              owners={owners}
              pipelines={pipelines.map(({ id, name }) => ({ id, name }))}
            />
            <Pagination path="/leads" params={raw} next={page.next} previous={page.previous} total={page.total} noun="lead" />
          </>
        )}
      </Card>
    </>
  );
}
