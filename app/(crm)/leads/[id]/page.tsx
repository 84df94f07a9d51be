import type { Metadata } from "next";
import { labelOf, SOURCE_LABEL, STATUS_LABEL, VERDICT_LABEL, VERDICT_TONE } from "@/components/leads/labels";
import { LeadInbox } from "@/components/leads/lead-inbox";
import { STATE_LABEL } from "@/components/qualification/labels";
import { Badge } from "@/components/ui/badge";
import { ButtonLink } from "@/components/ui/button";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import type { LeadAnswer } from "@/lib/qualification/leads";
import { can } from "@/lib/permissions";
import { orNotFound } from "@/lib/server/pages";
import { getLead } from "@/lib/server/leads/queries";
import { db } from "@/lib/server/db";
import { listPipelines } from "@/lib/server/pipeline/pipelines";
import { loadQualificationSettings } from "@/lib/server/qualification/settings";
import { requireUser } from "@/lib/server/session";
import { formatDate } from "@/lib/utils";

export const metadata: Metadata = { title: "Lead" };

export default async function LeadPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireUser();
  const [lead, pipelines, settings] = await Promise.all([
    orNotFound(getLead(user, (await params).id)),
    listPipelines(db(), user.organizationId),
    // Intake answers map to the criteria of the first pipeline's framework, as the intake form editor shows them.
    loadQualificationSettings(db(), user.organizationId, null),
  ]);
  const criterionLabel = (id: string) => settings.framework.criteria.find((c) => c.id === id)?.label ?? id;
  const verdict = lead.verdict as keyof typeof VERDICT_LABEL;
  const answers = Array.isArray(lead.answers) ? (lead.answers as unknown as LeadAnswer[]) : [];
  const reasons = Array.isArray(lead.reasons) ? (lead.reasons as { text: string }[]) : [];
  const open = lead.status !== "accepted";
  return (
    <>
      <PageHeader
        eyebrow={`Lead · ${labelOf(SOURCE_LABEL, lead.source)}`}
        title={lead.companyName}
        description={`${lead.name}${lead.title ? `, ${lead.title}` : ""}${lead.email ? ` · ${lead.email}` : ""}`}
        actions={lead.opportunityId && <ButtonLink href={`/opportunities/${lead.opportunityId}`}>Open the deal</ButtonLink>}
      />
      <div className="grid grid-cols-1 gap-6 lg:grid-cols-3">
        <Card className="lg:col-span-2">
          <CardHeader
            title="Verdict"
            description={`Fit ${lead.fit}/100 against ICP v${lead.icpVersion} · intent ${lead.intent}/100 from the answers`}
            actions={<Badge tone={VERDICT_TONE[verdict]}>{VERDICT_LABEL[verdict]}</Badge>}
          />
          <CardBody>
            <ul className="list-disc space-y-1 pl-5 text-sm text-slate-700">
              {reasons.map((r) => (
                <li key={r.text}>{r.text}</li>
              ))}
            </ul>
            {lead.watchFor && (
              <p className="mt-3 text-sm text-slate-700">
                <b>Watch for:</b> {lead.watchFor}
                {lead.resumeOn && ` · look again on ${formatDate(lead.resumeOn)}`}
              </p>
            )}
            {lead.resurfaceReason && <p className="mt-2 text-sm text-amber-800">Came back: {lead.resurfaceReason}</p>}
            {lead.disqualifyReason && <p className="mt-2 text-sm text-rose-700">Disqualified: {lead.disqualifyReason}</p>}
          </CardBody>
        </Card>
        <Card>
          <CardHeader title="Status" />
          <CardBody className="space-y-1 text-sm text-slate-700">
            <p>
              {labelOf(STATUS_LABEL, lead.status)} · {lead.ownerName ?? "Unassigned"}
            </p>
            <p>
              {lead.employeeCount ? `${lead.employeeCount.toLocaleString("en-US")} employees` : "Size unknown"} ·{" "}
              {lead.industry ?? "Industry unknown"} · {lead.region ?? "Region unknown"}
            </p>
            {lead.domain && <p>{lead.domain}</p>}
            <p className="text-xs text-slate-500">{lead.submissions > 1 ? `${lead.submissions} submissions merged` : "One submission"}</p>
          </CardBody>
        </Card>
        <Card className="lg:col-span-3">
          <CardHeader title="Answers" description="What the lead told us; criterion answers count as claimed evidence." />
          <CardBody>
            {answers.length === 0 ? (
              <p className="text-sm text-slate-500">No qualifying answers.</p>
            ) : (
              <dl className="space-y-3 text-sm">
                {answers.map((a) => (
                  <div key={a.questionId}>
                    <dt className="font-medium text-slate-800">{a.question}</dt>
                    <dd className="text-slate-700">
                      {a.answer}
                      {a.criterionId && (
                        <span className="ml-2 text-xs text-slate-500">
                          → {criterionLabel(a.criterionId)} ({STATE_LABEL[a.state ?? "claimed"].toLowerCase()})
                        </span>
                      )}
                    </dd>
                  </div>
                ))}
              </dl>
            )}
          </CardBody>
        </Card>
      </div>
      {open && (
        <Card className="mt-6">
          <LeadInbox
            leads={[
              {
                id: lead.id,
                name: lead.name,
                email: lead.email,
                companyName: lead.companyName,
                source: lead.source,
                status: lead.status,
                verdict,
                fit: lead.fit,
                intent: lead.intent,
                ownerName: lead.ownerName,
                reason: null,
                createdAt: lead.createdAt.toISOString(),
              },
            ]}
            canConvert={can(user.role, "lead.convert")}
            canOverride={can(user.role, "lead.override_knockout")}
            pipelines={pipelines.map(({ id, name }) => ({ id, name }))}
          />
        </Card>
      )}
    </>
  );
}
