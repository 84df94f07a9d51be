import { Pencil } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { STATE_LABEL, STATE_TONE } from "@/components/qualification/labels";
import { Badge } from "@/components/ui/badge";
import { ButtonLink } from "@/components/ui/button";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { DefinitionList } from "@/components/ui/definition-list";
import { PageHeader } from "@/components/ui/page-header";
import { can } from "@/lib/permissions";
import { getContactDetail } from "@/lib/server/contacts/contact-detail";
import { orNotFound } from "@/lib/server/pages";
import { requireUser } from "@/lib/server/session";
import { formatDate } from "@/lib/utils";
import { OPPORTUNITY_STATUS_LABEL } from "@/lib/vocabulary";

export const metadata: Metadata = { title: "Contact" };

const empty = (text: string) => (
  <CardBody>
    <p className="text-sm text-slate-600">{text}</p>
  </CardBody>
);

export default async function ContactPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireUser();
  const contact = await orNotFound(getContactDetail(user, (await params).id));
  return (
    <>
      <PageHeader
        eyebrow="Contact"
        title={contact.name}
        description={contact.title ?? undefined}
        actions={
          can(user.role, "contact.write") && (
            <ButtonLink href={`/contacts/${contact.id}/edit`} variant="secondary">
              <Pencil className="size-4" aria-hidden />
              Edit
            </ButtonLink>
          )
        }
      />
      <div className="grid gap-6 lg:grid-cols-3">
        <div className="min-w-0 space-y-6 lg:col-span-2">
          <Card>
            <CardHeader title="What they said" description="Their statements recorded as evidence, newest first" />
            {contact.statements.length === 0 ? (
              empty("Nothing this person said has been recorded as evidence yet.")
            ) : (
              <ul className="divide-y divide-slate-100" data-testid="contact-statements">
                {contact.statements.map((s) => (
                  <li key={s.id} className="space-y-1 px-5 py-3 text-sm">
                    <div className="flex flex-wrap items-center gap-2">
                      <span className="font-medium text-slate-900">{s.criterionLabel}</span>
                      <Badge tone={STATE_TONE[s.state]}>{STATE_LABEL[s.state]}</Badge>
                      <span className="text-xs text-slate-600">
                        on{" "}
                        <Link href={`/opportunities/${s.deal.id}`} className="underline-offset-2 hover:text-indigo-600 hover:underline">
                          {s.deal.name}
                        </Link>{" "}
                        · {formatDate(s.capturedAt)}
                      </span>
                    </div>
                    <blockquote className="border-l-2 border-slate-200 pl-3 break-words text-slate-700">“{s.excerpt}”</blockquote>
                  </li>
                ))}
              </ul>
            )}
          </Card>
          <Card>
            <CardHeader title="Notes" description="The notes their statements were taken from" />
            {contact.notes.length === 0 ? (
              empty("No notes quote this person yet.")
            ) : (
              <ul className="divide-y divide-slate-100" data-testid="contact-notes">
                {contact.notes.map((n) => (
                  <li key={n.id} className="px-5 py-3 text-sm">
                    <p className="whitespace-pre-line break-words text-slate-800">{n.body}</p>
                    <p className="mt-1 text-xs text-slate-600">
                      {n.authorName} · {formatDate(n.createdAt)}
                    </p>
                  </li>
                ))}
              </ul>
            )}
          </Card>
        </div>
        <div className="min-w-0 space-y-6">
          <Card>
            <CardHeader title="Details" />
            <CardBody>
              <DefinitionList
                items={[
                  [
                    "Account",
                    <Link key="account" href={`/accounts/${contact.account.id}`} className="hover:text-indigo-600">
                      {contact.account.name}
                    </Link>,
                  ],
                  ["Title", contact.title],
                  [
                    "Email",
                    contact.email && (
                      <a href={`mailto:${contact.email}`} className="break-all hover:text-indigo-600">
                        {contact.email}
                      </a>
                    ),
                  ],
                  ["Phone", contact.phone],
                ]}
              />
            </CardBody>
          </Card>
          <Card>
            <CardHeader title="Buying committees" description="Deals where this person has a role" />
            {contact.deals.length === 0 ? (
              empty("Not on any deal's buying committee.")
            ) : (
              <ul className="divide-y divide-slate-100" data-testid="contact-deals">
                {contact.deals.map((d) => (
                  <li key={d.key} className="px-5 py-3 text-sm">
                    <Link href={`/opportunities/${d.id}`} className="font-medium hover:text-indigo-600">
                      {d.name}
                    </Link>
                    <div className="text-xs text-slate-600">
                      {d.roleLabel} · {d.status === "open" ? d.stageLabel : OPPORTUNITY_STATUS_LABEL[d.status]}
                    </div>
                  </li>
                ))}
              </ul>
            )}
          </Card>
        </div>
      </div>
    </>
  );
}
