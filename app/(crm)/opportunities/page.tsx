import { Plus, Trophy } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { ButtonLink } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Pagination, type SearchParams } from "@/components/ui/data-table";
import { DataTable, type DataColumn, type DataRow } from "@/components/ui/data-table-view";
import { OpportunityBulkActions } from "@/components/opportunities/bulk-actions";
import { InlineField } from "@/components/opportunities/inline-field";
import { InlineOwner } from "@/components/opportunities/inline-owner";
import { EmptyState } from "@/components/ui/empty-state";
import { ExportLink } from "@/components/ui/export-link";
import { FilterBar } from "@/components/ui/filter-bar";
import { FilterCombobox } from "@/components/filters/filter-combobox";
import { PipelineSelect } from "@/components/filters/pipeline-select";
import { VerdictSelect } from "@/components/qualification/verdict-select";
import { Input, Select } from "@/components/ui/field";
import { QualificationCell } from "@/components/qualification/qualification-cell";
import { PageHeader } from "@/components/ui/page-header";
import { SavedViews } from "@/components/ui/saved-views";
import { can, canOnRecord } from "@/lib/permissions";
import { findOpportunities, opportunityListParams } from "@/lib/server/opportunities/queries";
import { db } from "@/lib/server/db";
import { getOrganizationPipeline } from "@/lib/server/pipeline/organization-pipeline";
import { listPipelines } from "@/lib/server/pipeline/pipelines";
import { FLAG_LABELS } from "@/components/dashboard/risk-filters";
import { requireUser } from "@/lib/server/session";
import { listSavedViews } from "@/lib/server/views/saved-views";
import { listAssignableUsers } from "@/lib/server/users/assignable";
import { formatDate, formatMoney } from "@/lib/utils";

export const metadata: Metadata = { title: "Opportunities" };

const OPPORTUNITY_COLUMNS: DataColumn[] = [
  { id: "name", header: "Deal", sort: "name", truncate: true },
  { id: "stage", header: "Stage", sort: "stage" },
  { id: "qualification", header: "Qualification" },
  { id: "amount", header: "Amount", sort: "amount", align: "right" },
  { id: "close", header: "Close date", sort: "expectedCloseDate" },
  { id: "owner", header: "Owner", truncate: true },
  { id: "updated", header: "Updated", sort: "updatedAt" },
];

const withPipelineColumn: DataColumn[] = OPPORTUNITY_COLUMNS.flatMap((c) =>
  c.id === "stage" ? [{ id: "pipeline", header: "Pipeline", truncate: true }, c] : [c],
);

export default async function OpportunitiesPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const user = await requireUser();
  const views = await listSavedViews(user, "opportunities");
  const raw = await searchParams;
  const params = opportunityListParams.parse(raw);
  const [page, pipelines] = await Promise.all([findOpportunities(user, params), listPipelines(db(), user.organizationId)]);
  const chosen = pipelines.find((p) => p.id === params.pipeline)?.id ?? null;
  // The stage filter offers the chosen pipeline's stages (the first pipeline's when all are shown); each row is
  // labelled with its own pipeline's stages.
  const [pipeline, stagesById] = await Promise.all([
    getOrganizationPipeline(user.organizationId, chosen),
    Promise.all(pipelines.map(async (p) => [p.id, await getOrganizationPipeline(user.organizationId, p.id)] as const)).then((e) => new Map(e)),
  ]);
  const stageLabel = (pipelineId: string, id: string) => (stagesById.get(pipelineId) ?? pipeline).stages.find((s) => s.id === id)?.label ?? id;
  const pipelineNames = new Map(pipelines.map((p) => [p.id, p.name]));
  // With every pipeline shown, a Pipeline column says which one each deal follows.
  const columns = !chosen && pipelines.length > 1 ? withPipelineColumn : OPPORTUNITY_COLUMNS;
  const canBulk = can(user.role, "opportunity.update");
  const owners = await listAssignableUsers(user);
  const rows: DataRow[] = page.rows.map((o) => ({
    id: o.id,
    label: o.name,
    text: { name: `${o.name} · ${o.account.name}`, owner: o.owner.name, pipeline: pipelineNames.get(o.pipelineId) ?? "" },
    cells: {
      name: (
        <>
          <Link href={`/opportunities/${o.id}`} className="font-medium text-slate-900 hover:text-indigo-600">
            {o.name}
          </Link>
          <div className="truncate text-xs text-slate-600">{o.account.name}</div>
        </>
      ),
      stage: <Badge tone={o.status === "won" ? "good" : o.status === "lost" ? "bad" : "neutral"}>{stageLabel(o.pipelineId, o.stage)}</Badge>,
      pipeline: pipelineNames.get(o.pipelineId) ?? "",
      qualification: <QualificationCell stored={o.assessment} />,
      amount: canOnRecord(user, "opportunity.update", o.ownerId) ? (
        <InlineField
          opportunityId={o.id}
          version={o.version}
          field="amount"
          label={`Amount of ${o.name}`}
          display={formatMoney(Number(o.amount), o.currency)}
          value={o.amount.toString()}
          type="number"
        />
      ) : (
        formatMoney(Number(o.amount), o.currency)
      ),
      close: canOnRecord(user, "opportunity.update", o.ownerId) ? (
        <InlineField
          opportunityId={o.id}
          version={o.version}
          field="expectedCloseDate"
          label={`Close date of ${o.name}`}
          display={formatDate(o.expectedCloseDate)}
          value={o.expectedCloseDate?.toISOString().slice(0, 10) ?? ""}
          type="date"
        />
      ) : (
        formatDate(o.expectedCloseDate)
      ),
      owner: canOnRecord(user, "opportunity.update", o.ownerId) ? (
        <InlineOwner opportunityId={o.id} version={o.version} dealName={o.name} owner={o.owner} owners={owners} />
      ) : (
        o.owner.name
      ),
      updated: formatDate(o.updatedAt),
    },
  }));
  const filtered = Boolean(
    params.q || params.pipeline || params.stage || params.owner !== "all" || params.status !== "open" || params.verdict || params.flag || params.risk,
  );

  return (
    <>
      <PageHeader
        title="Opportunities"
        description="Every deal, with its stage and the evidence behind it."
        actions={
          <>
            <SavedViews list="opportunities" views={views} />
            <ExportLink list="opportunities" params={raw} />
            {can(user.role, "opportunity.create") && (
              <ButtonLink href="/opportunities/new">
                <Plus className="size-4" aria-hidden />
                New opportunity
              </ButtonLink>
            )}
          </>
        }
      />
      <Card>
        <FilterBar clearHref="/opportunities" showClear={filtered}>
          <Input name="q" placeholder="Search deal or account" defaultValue={params.q} className="max-w-xs" aria-label="Search opportunities" />
          <PipelineSelect pipelines={pipelines} value={params.pipeline} className="max-w-48" />
          <Select name="stage" defaultValue={params.stage} className="max-w-44" aria-label="Stage">
            <option value="">All stages</option>
            {pipeline.stages.map((s) => (
              <option key={s.id} value={s.id}>
                {s.label}
              </option>
            ))}
          </Select>
          <Select name="status" defaultValue={params.status} className="max-w-36" aria-label="Status">
            <option value="open">Open</option>
            <option value="won">Won</option>
            <option value="lost">Lost</option>
            <option value="all">All statuses</option>
          </Select>
          <FilterCombobox
            id="filter-owner"
            name="owner"
            label="Owner"
            searchLabel="Search owners"
            options={[{ value: "all", label: "Everyone" }, { value: "me", label: "Mine" }, ...owners.map((o) => ({ value: o.id, label: o.name }))]}
            value={params.owner}
            placeholder="Everyone"
            className="h-9 w-40"
          />
          <VerdictSelect value={params.verdict} />
          <Select name="risk" defaultValue={params.risk ?? ""} className="max-w-40" aria-label="Risk">
            <option value="">Any risk</option>
            <option value="any">At risk</option>
            <option value="critical">Critical</option>
            <option value="warning">Warning</option>
            <option value="blocked">Gate blocked</option>
          </Select>
          <Select name="flag" defaultValue={params.flag ?? ""} className="max-w-52" aria-label="Flag">
            <option value="">Any flag</option>
            {Object.entries(FLAG_LABELS).map(([kind, label]) => (
              <option key={kind} value={kind}>
                {label}
              </option>
            ))}
          </Select>
        </FilterBar>
        {page.rows.length === 0 ? (
          <EmptyState
            icon={Trophy}
            title={filtered ? "No opportunities match these filters" : "No opportunities yet"}
            description={filtered ? "Try a broader search." : "Create a deal on an account to start qualifying it."}
            action={!filtered && can(user.role, "opportunity.create") && <ButtonLink href="/opportunities/new">New opportunity</ButtonLink>}
          />
        ) : (
          <>
            <DataTable
              label="Opportunities"
              testId="opportunities-table"
              columns={columns}
              rows={rows}
              sort={params.sort}
              dir={params.dir}
              selectable={canBulk}
              toolbar={canBulk && <OpportunityBulkActions owners={owners} />}
            />
            <Pagination path="/opportunities" params={raw} next={page.next} previous={page.previous} total={page.total} noun="opportunity" />
          </>
        )}
      </Card>
    </>
  );
}
