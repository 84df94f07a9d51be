import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { AccountForm } from "@/components/accounts/account-form";
import { Card, CardBody } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { canOnRecord } from "@/lib/permissions";
import { getAccount } from "@/lib/server/accounts/queries";
import { orNotFound } from "@/lib/server/pages";
import { listIcpMatchValues } from "@/lib/server/icp/queries";
import { requireUser } from "@/lib/server/session";

export const metadata: Metadata = { title: "Edit account" };

export default async function EditAccountPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireUser();
  const account = await orNotFound(getAccount(user, (await params).id));
  if (!canOnRecord(user, "account.update", account.ownerId)) notFound();
  const icpValues = await listIcpMatchValues(user);
  return (
    <>
      <PageHeader title={`Edit ${account.name}`} eyebrow="Account" />
      <Card className="max-w-3xl">
        <CardBody>
          <AccountForm account={account} icpValues={icpValues} />
        </CardBody>
      </Card>
    </>
  );
}
