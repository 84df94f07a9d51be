import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ContactForm } from "@/components/contacts/contact-form";
import { Card, CardBody } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { can } from "@/lib/permissions";
import { requireUser } from "@/lib/server/session";

export const metadata: Metadata = { title: "New contact" };

export default async function NewContactPage() {
  const user = await requireUser();
  if (!can(user.role, "contact.write")) notFound();
  return (
    <>
      <PageHeader title="New contact" description="A person at one of your accounts; put them on a deal's buying committee from the deal." />
      <Card className="max-w-2xl">
        <CardBody>
          <ContactForm autoFocus />
        </CardBody>
      </Card>
    </>
  );
}
