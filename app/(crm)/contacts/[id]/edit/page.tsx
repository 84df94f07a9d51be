import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ContactForm } from "@/components/contacts/contact-form";
import { EraseContactForm } from "@/components/contacts/erase-contact-form";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { can } from "@/lib/permissions";
import { getContact } from "@/lib/server/contacts/get-contact";
import { orNotFound } from "@/lib/server/pages";
import { requireUser } from "@/lib/server/session";

export const metadata: Metadata = { title: "Edit contact" };

export default async function EditContactPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireUser();
  const contact = await orNotFound(getContact(user, (await params).id));
  if (!can(user.role, "contact.write")) notFound();
  return (
    <>
      <PageHeader eyebrow={contact.account.name} title={`Edit ${contact.name}`} />
      <Card className="max-w-2xl">
        <CardBody>
          <ContactForm accountId={contact.account.id} contact={contact} />
        </CardBody>
      </Card>
      {can(user.role, "contact.erase") && (
        <Card className="mt-6 max-w-2xl">
          <CardHeader title="Erase personal data" description="For a person's request to be forgotten. Only admins can do this." />
          <CardBody>
            <EraseContactForm contactId={contact.id} />
          </CardBody>
        </Card>
      )}
    </>
  );
}
