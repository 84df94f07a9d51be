import { Download, ScrollText } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Card } from "@/components/ui/card";
import { Table, Td, Th, withParams, type SearchParams } from "@/components/ui/data-table";
import { EmptyState } from "@/components/ui/empty-state";
import { Input, Select } from "@/components/ui/field";
import { FilterBar } from "@/components/ui/filter-bar";
import { PageHeader } from "@/components/ui/page-header";
import { TipTarget, Tooltip } from "@/components/ui/tooltip";
import { ButtonLink } from "@/components/ui/button";
import { can } from "@/lib/permissions";
import { AUDIT_PAGE_SIZE, listAuditEvents } from "@/lib/server/audit-log/query";
import { requireUser } from "@/lib/server/session";
import { formatDateTime } from "@/lib/utils";
import { codeWords } from "@/lib/vocabulary";
import { auditFilterSchema } from "@/lib/validation/audit";

export const metadata: Metadata = { title: "Audit log" };

/** Records with a page of their own: the log links to them instead of showing their id. */
const RECORD_PAGE: Readonly<Record<string, string>> = {
  opportunity: "/opportunities",
  lead: "/leads",
  account: "/accounts",
  contact: "/contacts",
};

const summary = (value: unknown) => {
  if (value === null || value === undefined) return "";
  const text = JSON.stringify(value);
  return text.length > 120 ? `${text.slice(0, 117)}…` : text;
};

export default async function AuditLogPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const user = await requireUser();
  if (!can(user.role, "audit.read")) notFound();
  const raw = await searchParams;
  const filter = auditFilterSchema.parse(raw);
  const { events, total, actors, entities, actions } = await listAuditEvents(user, filter);
  const { page: _page, ...exportFilter } = filter;
  const exportHref = withParams("/settings/audit/export", {}, exportFilter as Record<string, string | null>);
  const pages = Math.max(1, Math.ceil(total / AUDIT_PAGE_SIZE));
  const filtered = Boolean(filter.actor ?? filter.entity ?? filter.action ?? filter.from ?? filter.to);

  return (
    <>
      <PageHeader
        eyebrow="Settings"
        title="Audit log"
        description="Every change made in your organization, by whom and when. Kept even when records are erased."
        actions={
          <ButtonLink href={exportHref} variant="secondary" prefetch={false}>
            <Download className="size-4" aria-hidden /> Export CSV
          </ButtonLink>
        }
      />
      <Card>
        <FilterBar clearHref="/settings/audit" showClear={filtered}>
          <Select name="actor" defaultValue={filter.actor ?? ""} aria-label="Actor" className="max-w-48">
            <option value="">Anyone</option>
            {actors.map((a) => (
              <option key={a.id} value={a.id}>
                {a.name}
              </option>
            ))}
          </Select>
          <Select name="entity" defaultValue={filter.entity ?? ""} aria-label="Entity" className="max-w-40">
            <option value="">Any record</option>
            {entities.map((e) => (
              <option key={e} value={e}>
                {codeWords(e)}
              </option>
            ))}
          </Select>
          <Select name="action" defaultValue={filter.action ?? ""} aria-label="Action" className="max-w-44">
            <option value="">Any action</option>
            {actions.map((a) => (
              <option key={a} value={a}>
                {codeWords(a)}
              </option>
            ))}
          </Select>
          <Input type="date" name="from" defaultValue={filter.from ?? ""} aria-label="From" className="max-w-40" />
          <Input type="date" name="to" defaultValue={filter.to ?? ""} aria-label="To" className="max-w-40" />
        </FilterBar>
        {events.length === 0 ? (
          <EmptyState icon={ScrollText} title="No audit events match" description="Change the filters to see more." />
        ) : (
          <Table data-testid="audit-table">
            <thead className="bg-slate-50">
              <tr>
                <Th>When</Th>
                <Th>Who</Th>
                <Th>Record</Th>
                <Th>Action</Th>
                <Th>Change</Th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100 bg-white">
              {events.map((e) => (
                <tr key={e.id}>
                  <Td>{formatDateTime(e.at)}</Td>
                  <Td>{e.actor?.name ?? "System"}</Td>
                  <Td>
                    {RECORD_PAGE[e.entityType] ? (
                      <Link href={`${RECORD_PAGE[e.entityType]}/${e.entityId}`} className="font-medium text-indigo-700 hover:underline">
                        {codeWords(e.entityType)}
                      </Link>
                    ) : (
                      <>
                        <span className="font-medium">{codeWords(e.entityType)}</span>{" "}
                        <span className="break-all font-mono text-xs text-slate-500">{e.entityId}</span>
                      </>
                    )}
                  </Td>
                  <Td>
                    {codeWords(e.action)}
                    {e.reason && <span className="block text-xs text-slate-500">{e.reason}</span>}
                  </Td>
                  <Td className="font-mono text-xs text-slate-500">
                    {/* Cut to one line; the whole change is in the tooltip (and read in full by screen readers). */}
                    {summary(e.after ?? e.before) && (
                      <Tooltip content={<span className="break-all font-mono">{summary(e.after ?? e.before)}</span>}>
                        <TipTarget className="block max-w-md truncate">{summary(e.after ?? e.before)}</TipTarget>
                      </Tooltip>
                    )}
                  </Td>
                </tr>
              ))}
            </tbody>
          </Table>
        )}
        <nav className="flex items-center justify-between border-t border-slate-100 px-4 py-3 text-sm text-slate-600" aria-label="Pagination">
          <span>
            {total.toLocaleString("en-US")} events · page {filter.page} of {pages}
          </span>
          <span className="flex gap-3">
            {filter.page > 1 && (
              <a className="underline" href={withParams("/settings/audit", raw, { page: filter.page - 1 })}>
                Newer
              </a>
            )}
            {filter.page < pages && (
              <a className="underline" href={withParams("/settings/audit", raw, { page: filter.page + 1 })}>
                Older
              </a>
            )}
          </span>
        </nav>
      </Card>
    </>
  );
}
