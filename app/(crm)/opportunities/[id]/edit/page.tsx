import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { OpportunityForm } from "@/components/opportunities/opportunity-form";
import { Card, CardBody } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { canOnRecord } from "@/lib/permissions";
import { getOpportunity } from "@/lib/server/opportunities/queries";
import { orNotFound } from "@/lib/server/pages";
import { requireUser } from "@/lib/server/session";

export const metadata: Metadata = { title: "Edit opportunity" };

export default async function EditOpportunityPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireUser();
  const opportunity = await orNotFound(getOpportunity(user, (await params).id));
  if (!canOnRecord(user, "opportunity.update", opportunity.ownerId)) notFound();
  return (
    <>
      <PageHeader title={`Edit ${opportunity.name}`} eyebrow="Opportunity" />
      <Card className="max-w-3xl">
        <CardBody>
          <OpportunityForm account={opportunity.account} opportunity={{ ...opportunity, amount: Number(opportunity.amount) }} />
        </CardBody>
      </Card>
    </>
  );
}
