import { Pencil, Plus } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { ContactForm } from "@/components/contacts/contact-form";
import { NoteForm } from "@/components/notes/note-form";
import { NoteList } from "@/components/notes/note-list";
import { Badge } from "@/components/ui/badge";
import { ButtonLink } from "@/components/ui/button";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { DefinitionList } from "@/components/ui/definition-list";
import { PageHeader } from "@/components/ui/page-header";
import { AccountFitSummary } from "@/components/accounts/account-fit";
import { can, canOnRecord } from "@/lib/permissions";
import { getAccount } from "@/lib/server/accounts/queries";
import { readStoredFit } from "@/lib/server/qualification/stored-result";
import { orNotFound } from "@/lib/server/pages";
import { requireUser } from "@/lib/server/session";
import { formatDate, formatMoney } from "@/lib/utils";
import { plural } from "@/lib/vocabulary";
import { getOrganizationPipeline } from "@/lib/server/pipeline/organization-pipeline";

export const metadata: Metadata = { title: "Account" };

export default async function AccountPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireUser();
  const [account, pipeline] = await Promise.all([orNotFound(getAccount(user, (await params).id)), getOrganizationPipeline(user.organizationId)]);
  const stageLabel = (id: string) => pipeline.stages.find((s) => s.id === id)?.label ?? id;

  return (
    <>
      <PageHeader
        eyebrow="Account"
        title={account.name}
        description={account.domain ?? undefined}
        actions={
          <>
            {canOnRecord(user, "account.update", account.ownerId) && (
              <ButtonLink href={`/accounts/${account.id}/edit`} variant="secondary">
                <Pencil className="size-4" aria-hidden />
                Edit
              </ButtonLink>
            )}
            {can(user.role, "opportunity.create") && (
              <ButtonLink href={`/opportunities/new?accountId=${account.id}`}>
                <Plus className="size-4" aria-hidden />
                New opportunity
              </ButtonLink>
            )}
          </>
        }
      />
      <div className="grid grid-cols-1 gap-6 lg:grid-cols-3">
        <div className="space-y-6 lg:col-span-2">
          <Card>
            <CardHeader title="Firmographics" description={`Owned by ${account.owner.name}`} />
            <CardBody>
              <DefinitionList
                items={[
                  ["Industry", account.industry],
                  ["Employees", account.employeeCount?.toLocaleString("en-US")],
                  ["Country", account.country],
                  ["Region", account.region],
                  ["Funding stage", account.fundingStage],
                  ["Tech stack", account.techStack.length ? account.techStack.join(", ") : null],
                  ["Hiring signals", account.hiringSignals.length ? account.hiringSignals.join(", ") : null],
                ]}
              />
            </CardBody>
          </Card>
          <Card>
            <CardHeader title="Fit to the ICP" description="What marketing's ideal customer profile says about this account, rule by rule" />
            <CardBody>
              <AccountFitSummary stored={account.assessment} fit={account.assessment && readStoredFit(account.assessment.result)} />
            </CardBody>
          </Card>
          <Card>
            <CardHeader title="Opportunities" />
            {account.opportunities.length === 0 ? (
              <CardBody>
                <p className="text-sm text-slate-500">No opportunities on this account yet.</p>
              </CardBody>
            ) : (
              <ul className="divide-y divide-slate-100">
                {account.opportunities.map((o) => (
                  <li key={o.id} className="flex items-center justify-between gap-4 px-5 py-3 text-sm">
                    <div className="min-w-0">
                      <Link href={`/opportunities/${o.id}`} className="font-medium hover:text-indigo-600">
                        {o.name}
                      </Link>
                      <div className="text-xs text-slate-500">
                        {o.owner.name} · closes {formatDate(o.expectedCloseDate)}
                      </div>
                    </div>
                    <div className="flex shrink-0 items-center gap-3">
                      <Badge>{stageLabel(o.stage)}</Badge>
                      <span className="tabular-nums">{formatMoney(Number(o.amount), o.currency)}</span>
                    </div>
                  </li>
                ))}
              </ul>
            )}
          </Card>
          <Card>
            <CardHeader title="Notes" />
            <CardBody className="space-y-4">
              {can(user.role, "note.create") && <NoteForm accountId={account.id} />}
              <NoteList notes={account.notes} />
            </CardBody>
          </Card>
        </div>
        <Card className="self-start">
          <CardHeader title="Contacts" description={plural(account.contacts.length, "person")} />
          <CardBody className="space-y-4">
            <ul className="space-y-2" data-testid="contact-list">
              {account.contacts.map((c) => (
                <li key={c.id} className="text-sm" data-contact-id={c.id}>
                  <div className="font-medium text-slate-900">
                    <Link href={`/contacts/${c.id}`} className="hover:text-indigo-600">
                      {c.name}
                    </Link>
                  </div>
                  <div className="text-xs text-slate-500">{[c.title, c.email, c.phone].filter(Boolean).join(" · ")}</div>
                </li>
              ))}
            </ul>
            {can(user.role, "contact.write") && (
              <details className="rounded-md border border-slate-200 p-3">
                <summary className="cursor-pointer text-sm font-medium text-indigo-600">Add a contact</summary>
                <div className="mt-3">
                  <ContactForm accountId={account.id} />
                </div>
              </details>
            )}
          </CardBody>
        </Card>
      </div>
    </>
  );
}
