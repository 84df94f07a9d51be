import { Plus, Users } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { ButtonLink } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Pagination, SortableTh, Table, Td, Th, type SearchParams } from "@/components/ui/data-table";
import { EmptyState } from "@/components/ui/empty-state";
import { FilterBar } from "@/components/ui/filter-bar";
import { Input } from "@/components/ui/field";
import { ExportLink } from "@/components/ui/export-link";
import { PageHeader } from "@/components/ui/page-header";
import { contactListParams, findContacts } from "@/lib/server/contacts/queries";
import { can } from "@/lib/permissions";
import { requireUser } from "@/lib/server/session";

export const metadata: Metadata = { title: "Contacts" };

export default async function ContactsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const user = await requireUser();
  const raw = await searchParams;
  const params = contactListParams.parse(raw);
  const page = await findContacts(user, params);
  const sortProps = { path: "/contacts", params: raw, sort: params.sort, dir: params.dir };
  const canEdit = can(user.role, "contact.write");

  return (
    <>
      <PageHeader
        title="Contacts"
        description="People at your accounts; put them on a deal's buying committee from the deal."
        actions={
          <>
            <ExportLink list="contacts" params={raw} />
            {canEdit && <ButtonLink href="/contacts/new"><Plus className="size-4" aria-hidden />New contact</ButtonLink>}
          </>
        }
      />
      <Card>
        <FilterBar clearHref="/contacts" showClear={Boolean(params.q)} submitLabel="Search">
          <Input name="q" placeholder="Search name, title, email or account" defaultValue={params.q} className="max-w-sm" aria-label="Search contacts" />
        </FilterBar>
        {page.rows.length === 0 ? (
          <EmptyState icon={Users} title={params.q ? "No contacts match" : "No contacts yet"} description="Contacts are added on an account's page." />
        ) : (
          <>
            <Table data-testid="contacts-table">
              <thead className="bg-slate-50">
                <tr>
                  <SortableTh label="Name" column="name" {...sortProps} />
                  <SortableTh label="Title" column="title" {...sortProps} />
                  <SortableTh label="Account" column="account" {...sortProps} />
                  <Th>Email</Th>
                  <Th>Phone</Th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100 bg-white">
                {page.rows.map((c) => (
                  <tr key={c.id} className="hover:bg-slate-50">
                    <Td className="font-medium text-slate-900">
                      {canEdit ? <Link href={`/contacts/${c.id}/edit`} className="hover:text-indigo-600">{c.name}</Link> : c.name}
                    </Td>
                    <Td>{c.title ?? "—"}</Td>
                    <Td><Link href={`/accounts/${c.account.id}`} className="hover:text-indigo-600">{c.account.name}</Link></Td>
                    <Td>{c.email ? <a href={`mailto:${c.email}`} className="hover:text-indigo-600">{c.email}</a> : "—"}</Td>
                    <Td>{c.phone ?? "—"}</Td>
                  </tr>
                ))}
              </tbody>
            </Table>
            <Pagination path="/contacts" params={raw} next={page.next} previous={page.previous} total={page.total} noun="contact" />
          </>
        )}
      </Card>
    </>
  );
}
