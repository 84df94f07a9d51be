import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { AccountForm } from "@/components/accounts/account-form";
import { Card, CardBody } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { can } from "@/lib/permissions";
import { listIcpMatchValues } from "@/lib/server/icp/queries";
import { requireUser } from "@/lib/server/session";

export const metadata: Metadata = { title: "New account" };

export default async function NewAccountPage() {
  const user = await requireUser();
  if (!can(user.role, "account.create")) notFound();
  const icpValues = await listIcpMatchValues(user);
  return (
    <>
      <PageHeader title="New account" />
      <Card className="max-w-3xl">
        <CardBody>
          <AccountForm icpValues={icpValues} />
        </CardBody>
      </Card>
    </>
  );
}
