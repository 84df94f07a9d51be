import { Building2, Plus } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { ButtonLink } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { AccountFitBadge } from "@/components/accounts/account-fit";
import { Pagination, SortableTh, Table, Td, Th, type SearchParams } from "@/components/ui/data-table";
import { EmptyState } from "@/components/ui/empty-state";
import { ExportLink } from "@/components/ui/export-link";
import { FilterBar } from "@/components/ui/filter-bar";
import { Input, Select } from "@/components/ui/field";
import { PageHeader } from "@/components/ui/page-header";
import { accountListParams, findAccounts, listIndustries } from "@/lib/server/accounts/queries";
import { requireUser } from "@/lib/server/session";
import { can } from "@/lib/permissions";
import { REGIONS } from "@/lib/validation/options";

export const metadata: Metadata = { title: "Accounts" };

export default async function AccountsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const user = await requireUser();
  const raw = await searchParams;
  const params = accountListParams.parse(raw);
  const [page, industries] = await Promise.all([findAccounts(user, params), listIndustries(user)]);
  const sortProps = { path: "/accounts", params: raw, sort: params.sort, dir: params.dir };
  const filtered = Boolean(params.q || params.industry || params.region);

  return (
    <>
      <PageHeader
        title="Accounts"
        description="Companies you sell to, with the firmographics the ICP scores."
        actions={<><ExportLink list="accounts" params={raw} />{can(user.role, "account.create") && <ButtonLink href="/accounts/new"><Plus className="size-4" aria-hidden />New account</ButtonLink>}</>}
      />
      <Card>
        <FilterBar clearHref="/accounts" showClear={filtered}>
          <Input name="q" placeholder="Search name or domain" defaultValue={params.q} className="max-w-xs" aria-label="Search accounts" />
          <Select name="industry" defaultValue={params.industry} className="max-w-44" aria-label="Industry">
            <option value="">All industries</option>
            {industries.map((i) => <option key={i}>{i}</option>)}
          </Select>
          <Select name="region" defaultValue={params.region} className="max-w-44" aria-label="Region">
            <option value="">All regions</option>
            {REGIONS.map((r) => <option key={r}>{r}</option>)}
          </Select>
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
            <Table data-testid="accounts-table">
              <thead className="bg-slate-50">
                <tr>
                  <SortableTh label="Name" column="name" {...sortProps} />
                  <SortableTh label="Industry" column="industry" {...sortProps} />
                  <SortableTh label="Employees" column="employeeCount" {...sortProps} className="text-right" />
                  <SortableTh label="Region" column="region" {...sortProps} />
                  <SortableTh label="Fit" column="fit" {...sortProps} />
                  <Th>Owner</Th>
                  <Th className="text-right">Deals</Th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100 bg-white">
                {page.rows.map((a) => (
                  <tr key={a.id} className="hover:bg-slate-50">
                    <Td>
                      <Link href={`/accounts/${a.id}`} className="font-medium text-slate-900 hover:text-indigo-600">{a.name}</Link>
                      {a.domain && <div className="text-xs text-slate-500">{a.domain}</div>}
                    </Td>
                    <Td>{a.industry ?? "—"}</Td>
                    <Td className="text-right tabular-nums">{a.employeeCount?.toLocaleString("en-US") ?? "—"}</Td>
                    <Td>{a.region ?? "—"}</Td>
                    <Td><AccountFitBadge stored={a.assessment} /></Td>
                    <Td>{a.owner.name}</Td>
                    <Td className="text-right tabular-nums">{a.dealCount}</Td>
                  </tr>
                ))}
              </tbody>
            </Table>
            <Pagination path="/accounts" params={raw} next={page.next} previous={page.previous} total={page.total} noun="account" />
          </>
        )}
      </Card>
    </>
  );
}
