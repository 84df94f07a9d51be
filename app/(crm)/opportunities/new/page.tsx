import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { OpportunityForm } from "@/components/opportunities/opportunity-form";
import { Card, CardBody } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { can } from "@/lib/permissions";
import { findAccountOption } from "@/lib/server/accounts/queries";
import { db } from "@/lib/server/db";
import { listPipelines } from "@/lib/server/pipeline/pipelines";
import { requireUser } from "@/lib/server/session";

export const metadata: Metadata = { title: "New opportunity" };

export default async function NewOpportunityPage({ searchParams }: { searchParams: Promise<{ accountId?: string }> }) {
  const user = await requireUser();
  if (!can(user.role, "opportunity.create")) notFound();
  const [account, pipelines] = await Promise.all([findAccountOption(user, (await searchParams).accountId), listPipelines(db(), user.organizationId)]);
  return (
    <>
      <PageHeader title="New opportunity" description="New deals start at the first stage; qualification moves them forward." />
      <Card className="max-w-3xl">
        <CardBody>
          <OpportunityForm account={account ?? undefined} pipelines={pipelines.map((p) => ({ id: p.id, name: p.name }))} />
        </CardBody>
      </Card>
    </>
  );
}
