import type { Metadata } from "next";
import { headers } from "next/headers";
import { notFound } from "next/navigation";
import { FormEditor } from "@/components/intake/form-editor";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { ScrollRegion } from "@/components/ui/scroll-region";
import { PageHeader } from "@/components/ui/page-header";
import { can } from "@/lib/permissions";
import { db } from "@/lib/server/db";
import { loadIntakeConfig } from "@/lib/server/intake/config";
import { loadQualificationSettings } from "@/lib/server/qualification/settings";
import { inOrg } from "@/lib/server/scope";
import { requireUser } from "@/lib/server/session";

export const metadata: Metadata = { title: "Intake form" };

export default async function FormsPage() {
  const user = await requireUser();
  if (!can(user.role, "intake.configure")) notFound();
  const settings = await loadQualificationSettings(db(), user.organizationId, null);
  const [config, org, reps] = await Promise.all([
    loadIntakeConfig(db(), user.organizationId, settings),
    db().organization.findUniqueOrThrow({ where: { id: user.organizationId }, select: { slug: true } }),
    db().user.findMany({ where: inOrg(user, { role: "rep" as const }), select: { id: true, name: true }, orderBy: { name: "asc" } }),
  ]);
  const h = await headers();
  const origin = `${h.get("x-forwarded-proto") ?? "http"}://${h.get("host") ?? "localhost"}`;
  const url = `${origin}/intake/${org.slug}`;
  const { saved: _, ...initial } = config;
  return (
    <>
      <PageHeader
        title="Intake form"
        description="The public form prospects fill before a first call: company fields and qualifying questions, scored and routed on arrival."
      />
      <Card className="mb-6">
        <CardHeader
          title="Share it"
          description={config.saved ? "Stable address for your organization." : "Showing the default questions until you save."}
        />
        <CardBody className="space-y-3 text-sm">
          <p>
            Public link:{" "}
            <a
              href={url}
              className="font-medium break-all text-indigo-600 hover:underline"
              target="_blank"
              rel="noreferrer"
              data-testid="public-form-url"
            >
              {url}
            </a>
          </p>
          <div>
            <p className="mb-1 text-slate-600">Embed on your site:</p>
            <ScrollRegion label="Embed code" className="rounded-md">
              <pre
                className="rounded-md bg-slate-900 p-3 text-xs text-slate-100"
                data-testid="embed-snippet"
              >{`<iframe src="${url}" title="Talk to us" style="width:100%;min-height:900px;border:0" loading="lazy"></iframe>`}</pre>
            </ScrollRegion>
          </div>
        </CardBody>
      </Card>
      <FormEditor initial={initial} criteria={settings.framework.criteria.map((c) => ({ id: c.id, label: c.label }))} reps={reps} />
    </>
  );
}
