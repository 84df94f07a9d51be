import { Building2, Plus } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { ButtonLink } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { AccountFitBadge } from "@/components/accounts/account-fit";
import { Pagination, type SearchParams } from "@/components/ui/data-table";
import { DataTable, type DataColumn, type DataRow } from "@/components/ui/data-table-view";
import { EmptyState } from "@/components/ui/empty-state";
import { ExportLink } from "@/components/ui/export-link";
import { FilterBar } from "@/components/ui/filter-bar";
import { FilterCombobox } from "@/components/filters/filter-combobox";
import { Input, Select } from "@/components/ui/field";
import { PageHeader } from "@/components/ui/page-header";
import { SavedViews } from "@/components/ui/saved-views";
import { accountListParams, findAccounts, listIndustries } from "@/lib/server/accounts/queries";
import { requireUser } from "@/lib/server/session";
import { listSavedViews } from "@/lib/server/views/saved-views";
import { listAssignableUsers } from "@/lib/server/users/assignable";
import { can } from "@/lib/permissions";
import { REGIONS } from "@/lib/validation/options";

export const metadata: Metadata = { title: "Accounts" };

const ACCOUNT_COLUMNS: DataColumn[] = [
  { id: "name", header: "Name", sort: "name", truncate: true },
  { id: "industry", header: "Industry", sort: "industry", truncate: true },
  { id: "employees", header: "Employees", sort: "employeeCount", align: "right" },
  { id: "region", header: "Region", sort: "region" },
  { id: "fit", header: "Fit", sort: "fit" },
  { id: "owner", header: "Owner", truncate: true },
  { id: "deals", header: "Deals", align: "right" },
];

export default async function AccountsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const user = await requireUser();
  const views = await listSavedViews(user, "accounts");
  const raw = await searchParams;
  const params = accountListParams.parse(raw);
  const [page, industries, owners] = await Promise.all([
    findAccounts(user, params),
    listIndustries(user),
    listAssignableUsers(user, "account.update"),
  ]);
  const rows: DataRow[] = page.rows.map((a) => ({
    id: a.id,
    label: a.name,
    text: { name: a.domain ? `${a.name} · ${a.domain}` : a.name, industry: a.industry ?? "", owner: a.owner.name },
    cells: {
      name: (
        <>
          <Link href={`/accounts/${a.id}`} className="font-medium text-slate-900 hover:text-indigo-600">
            {a.name}
          </Link>
          {a.domain && <div className="truncate text-xs text-slate-600">{a.domain}</div>}
        </>
      ),
      industry: a.industry ?? "—",
      employees: a.employeeCount?.toLocaleString("en-US") ?? "—",
      region: a.region ?? "—",
      fit: <AccountFitBadge stored={a.assessment} />,
      owner: a.owner.name,
      deals: a.dealCount,
    },
  }));
  const filtered = Boolean(params.q || params.industry || params.region || params.owner);

  return (
    <>
      <PageHeader
        title="Accounts"
        description="Companies you sell to, with the firmographics the ICP scores."
        actions={
          <>
            <SavedViews list="accounts" views={views} />
            <ExportLink list="accounts" params={raw} />
            {can(user.role, "account.create") && (
              <ButtonLink href="/accounts/new">
                <Plus className="size-4" aria-hidden />
                New account
              </ButtonLink>
            )}
          </>
        }
      />
      <Card>
        <FilterBar clearHref="/accounts" showClear={filtered}>
          <Input name="q" placeholder="Search name or domain" defaultValue={params.q} className="max-w-xs" aria-label="Search accounts" />
          <Select name="industry" defaultValue={params.industry} className="max-w-44" aria-label="Industry">
            <option value="">All industries</option>
            {industries.map((i) => (
              <option key={i}>{i}</option>
            ))}
          </Select>
          <Select name="region" defaultValue={params.region} className="max-w-44" aria-label="Region">
            <option value="">All regions</option>
            {REGIONS.map((r) => (
              <option key={r}>{r}</option>
            ))}
          </Select>
          <FilterCombobox
            id="filter-owner"
            name="owner"
            label="Owner"
            searchLabel="Search owners"
            options={[{ value: "", label: "Everyone" }, ...owners.map((o) => ({ value: o.id, label: o.name }))]}
            value={params.owner}
            placeholder="Everyone"
            className="h-9 w-40"
          />
        </FilterBar>
        {page.rows.length === 0 ? (
          <EmptyState
            icon={Building2}
            title={filtered ? "No accounts match these filters" : "No accounts yet"}
            description={filtered ? "Try a broader search." : "Add the companies you sell to; the ICP will score their fit."}
            action={!filtered && can(user.role, "account.create") && <ButtonLink href="/accounts/new">New account</ButtonLink>}
          />
        ) : (
          <>
            <DataTable label="Accounts" testId="accounts-table" columns={ACCOUNT_COLUMNS} rows={rows} sort={params.sort} dir={params.dir} />
            <Pagination path="/accounts" params={raw} next={page.next} previous={page.previous} total={page.total} noun="account" />
          </>
        )}
      </Card>
    </>
  );
}
