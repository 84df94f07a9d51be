import { Plus, Users } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { ButtonLink } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Pagination, type SearchParams } from "@/components/ui/data-table";
import { DataTable, type DataColumn, type DataRow } from "@/components/ui/data-table-view";
import { EmptyState } from "@/components/ui/empty-state";
import { FilterBar } from "@/components/ui/filter-bar";
import { Input } from "@/components/ui/field";
import { ExportLink } from "@/components/ui/export-link";
import { PageHeader } from "@/components/ui/page-header";
import { SavedViews } from "@/components/ui/saved-views";
import { contactListParams, findContacts } from "@/lib/server/contacts/queries";
import { can } from "@/lib/permissions";
import { requireUser } from "@/lib/server/session";
import { listSavedViews } from "@/lib/server/views/saved-views";

export const metadata: Metadata = { title: "Contacts" };

const CONTACT_COLUMNS: DataColumn[] = [
  { id: "name", header: "Name", sort: "name", truncate: true },
  { id: "title", header: "Title", sort: "title", truncate: true },
  { id: "account", header: "Account", sort: "account", truncate: true },
  { id: "email", header: "Email", truncate: true },
  { id: "phone", header: "Phone" },
];

export default async function ContactsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const user = await requireUser();
  const views = await listSavedViews(user, "contacts");
  const raw = await searchParams;
  const params = contactListParams.parse(raw);
  const page = await findContacts(user, params);
  const canEdit = can(user.role, "contact.write");
  const rows: DataRow[] = page.rows.map((c) => ({
    id: c.id,
    label: c.name,
    text: { name: c.name, title: c.title ?? "", account: c.account.name, email: c.email ?? "" },
    cells: {
      name: canEdit ? (
        <Link href={`/contacts/${c.id}/edit`} className="font-medium text-slate-900 hover:text-indigo-600">
          {c.name}
        </Link>
      ) : (
        <span className="font-medium text-slate-900">{c.name}</span>
      ),
      title: c.title ?? "—",
      account: (
        <Link href={`/accounts/${c.account.id}`} className="hover:text-indigo-600">
          {c.account.name}
        </Link>
      ),
      email: c.email ? (
        <a href={`mailto:${c.email}`} className="hover:text-indigo-600">
          {c.email}
        </a>
      ) : (
        "—"
      ),
      phone: c.phone ?? "—",
    },
  }));

  return (
    <>
      <PageHeader
        title="Contacts"
        description="People at your accounts; put them on a deal's buying committee from the deal."
        actions={
          <>
            <SavedViews list="contacts" views={views} />
            <ExportLink list="contacts" params={raw} />
            {canEdit && (
              <ButtonLink href="/contacts/new">
                <Plus className="size-4" aria-hidden />
                New contact
              </ButtonLink>
            )}
          </>
        }
      />
      <Card>
        <FilterBar clearHref="/contacts" showClear={Boolean(params.q)}>
          <Input
            name="q"
            placeholder="Search name, title, email or account"
            defaultValue={params.q}
            className="max-w-sm"
            aria-label="Search contacts"
          />
        </FilterBar>
        {page.rows.length === 0 ? (
          <EmptyState
            icon={Users}
            title={params.q ? "No contacts match" : "No contacts yet"}
            description="Contacts are added on an account's page."
          />
        ) : (
          <>
            <DataTable label="Contacts" testId="contacts-table" columns={CONTACT_COLUMNS} rows={rows} sort={params.sort} dir={params.dir} />
            <Pagination path="/contacts" params={raw} next={page.next} previous={page.previous} total={page.total} noun="contact" />
          </>
        )}
      </Card>
    </>
  );
}
