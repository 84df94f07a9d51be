import { Pencil } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { NoteForm } from "@/components/notes/note-form";
import { NoteList } from "@/components/notes/note-list";
import { Badge } from "@/components/ui/badge";
import { ButtonLink } from "@/components/ui/button";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { DefinitionList } from "@/components/ui/definition-list";
import { PageHeader } from "@/components/ui/page-header";
import { can, canOnRecord } from "@/lib/permissions";
import { getOpportunity } from "@/lib/server/opportunities/queries";
import { orNotFound } from "@/lib/server/pages";
import { getOrganizationPipeline } from "@/lib/server/pipeline/organization-pipeline";
import { requireUser } from "@/lib/server/session";
import { formatDate, formatMoney } from "@/lib/utils";

export const metadata: Metadata = { title: "Opportunity" };

export default async function OpportunityPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireUser();
  const opportunity = await orNotFound(getOpportunity(user, (await params).id));
  const pipeline = await getOrganizationPipeline(user.organizationId);
  const stage = pipeline.stages.find((s) => s.id === opportunity.stage);

  return (
    <>
      <PageHeader
        eyebrow={<Link href={`/accounts/${opportunity.account.id}`} className="hover:text-indigo-600">{opportunity.account.name}</Link>}
        title={opportunity.name}
        description={<span className="inline-flex items-center gap-2"><Badge tone="info" data-testid="stage-badge">{stage?.label ?? opportunity.stage}</Badge> {formatMoney(Number(opportunity.amount), opportunity.currency)}</span>}
        actions={
          canOnRecord(user, "opportunity.update", opportunity.ownerId) && (
            <ButtonLink href={`/opportunities/${opportunity.id}/edit`} variant="secondary"><Pencil className="size-4" aria-hidden />Edit</ButtonLink>
          )
        }
      />
      <div className="grid gap-6 lg:grid-cols-3">
        <div className="space-y-6 lg:col-span-2">
          <Card>
            <CardHeader title="Notes" description="Discovery notes, newest first" />
            <CardBody className="space-y-4">
              {can(user.role, "note.create") && <NoteForm opportunityId={opportunity.id} />}
              <NoteList notes={opportunity.notes} />
            </CardBody>
          </Card>
        </div>
        <Card className="self-start">
          <CardHeader title="Details" />
          <CardBody>
            <DefinitionList
              items={[
                ["Owner", opportunity.owner.name],
                ["Status", opportunity.status],
                ["Close date", formatDate(opportunity.expectedCloseDate)],
                ["Rep confidence", opportunity.repConfidence === null ? null : `${opportunity.repConfidence}%`],
                ["Last activity", formatDate(opportunity.lastActivityAt)],
                ["Created", formatDate(opportunity.createdAt)],
              ]}
            />
          </CardBody>
        </Card>
      </div>
    </>
  );
}
