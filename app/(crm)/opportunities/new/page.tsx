import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { OpportunityForm } from "@/components/opportunities/opportunity-form";
import { Card, CardBody } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { can } from "@/lib/permissions";
import { listAccountOptions } from "@/lib/server/accounts/queries";
import { db } from "@/lib/server/db";
import { listPipelines } from "@/lib/server/pipeline/pipelines";
import { requireUser } from "@/lib/server/session";

export const metadata: Metadata = { title: "New opportunity" };

export default async function NewOpportunityPage({ searchParams }: { searchParams: Promise<{ accountId?: string }> }) {
  const user = await requireUser();
  if (!can(user.role, "opportunity.create")) notFound();
  const [accounts, { accountId }, pipelines] = await Promise.all([listAccountOptions(user), searchParams, listPipelines(db(), user.organizationId)]);
  return (
    <>
      <PageHeader title="New opportunity" description="New deals start at the first stage; qualification moves them forward." />
      <Card className="max-w-3xl"><CardBody><OpportunityForm accounts={accounts} defaultAccountId={accountId} pipelines={pipelines.map((p) => ({ id: p.id, name: p.name }))} /></CardBody></Card>
    </>
  );
}
