import type { Metadata } from "next";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { signOutCsrfToken } from "@/components/shell/sign-out-button";
import { PageHeader } from "@/components/ui/page-header";
import { ChangePasswordForm } from "@/components/users/change-password-form";
import { SignOutEverywhere } from "@/components/users/sign-out-everywhere";
import { requireUser } from "@/lib/server/session";

export const metadata: Metadata = { title: "Your account" };

export default async function AccountSettingsPage() {
  const user = await requireUser();
  const csrfToken = await signOutCsrfToken();
  return (
    <>
      <PageHeader eyebrow="Settings" title="Your account" description={`${user.name} · ${user.email}`} />
      <div className="grid grid-cols-1 gap-6 lg:grid-cols-2">
        <Card className="self-start">
          <CardHeader title="Change your password" description="Your other sessions are signed out; this one stays." />
          <CardBody>
            <ChangePasswordForm />
          </CardBody>
        </Card>
        <Card className="self-start">
          <CardHeader
            title="Sessions"
            description="Lost a laptop, or signed in on a shared computer? End every session of your account, this one included."
          />
          <CardBody>
            <SignOutEverywhere csrfToken={csrfToken} />
          </CardBody>
        </Card>
      </div>
    </>
  );
}
