import { CheckCircle2, Pencil } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { BlockerList } from "@/components/qualification/blocker-list";
import { CommitteePanel } from "@/components/qualification/committee-panel";
import { CriteriaTable, type LatestEvidence } from "@/components/qualification/criteria-table";
import { knownHowByCriterion } from "@/components/qualification/known-how";
import { ReviewQueue } from "@/components/qualification/review-queue";
import { EvidenceNoteForm } from "@/components/qualification/evidence-note-form";
import { FitPanel } from "@/components/qualification/fit-panel";
import { FlagsList } from "@/components/qualification/flags-list";
import { VERDICT_LABEL, VERDICT_TONE } from "@/components/qualification/labels";
import { NextQuestions } from "@/components/qualification/next-questions";
import { ScoreTile } from "@/components/qualification/score-tile";
import { StageControl } from "@/components/qualification/stage-control";
import { NextStepPanel } from "@/components/opportunities/next-step-panel";
import { Timeline } from "@/components/qualification/timeline";
import { RecapPanel } from "@/components/recaps/recap-panel";
import { DealNurtureForm } from "@/components/nurture/deal-nurture-form";
import { dealNurtureDefaults } from "@/components/nurture/nurture-defaults";
import { VerdictBanner } from "@/components/qualification/verdict-banner";
import { WishcastingNote } from "@/components/qualification/wishcasting-note";
import { Badge } from "@/components/ui/badge";
import { TipTarget, Tooltip } from "@/components/ui/tooltip";
import { ButtonLink } from "@/components/ui/button";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { InlineField } from "@/components/opportunities/inline-field";
import { InlineOwner } from "@/components/opportunities/inline-owner";
import { DefinitionList } from "@/components/ui/definition-list";
import { PageHeader } from "@/components/ui/page-header";
import { proofNeeded, ROLE_LABELS, type StakeholderRole } from "@/lib/qualification";
import { can, canOnRecord } from "@/lib/permissions";
import { canSendMail } from "@/lib/server/mail";
import { orNotFound } from "@/lib/server/pages";
import { draftPointsFor } from "@/lib/server/recaps/list";
import { loadOpportunityView } from "@/lib/server/qualification/opportunity-view";
import { loadAllPipelineSettings } from "@/lib/server/qualification/settings";
import { db } from "@/lib/server/db";
import { MoveToPipeline } from "@/components/opportunities/move-to-pipeline";
import { requireUser } from "@/lib/server/session";
import { listAssignableUsers } from "@/lib/server/users/assignable";
import { formatDate, formatMoney } from "@/lib/utils";
import { OPPORTUNITY_STATUS_LABEL } from "@/lib/vocabulary";

export const metadata: Metadata = { title: "Opportunity" };

export default async function OpportunityPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireUser();
  const { row, owner, settings, assessment, contacts, timeline, users, reviewQueue, wishcasting, recaps, held, now } = await orNotFound(
    loadOpportunityView(user, (await params).id),
  );
  const assignable = canOnRecord(user, "opportunity.update", row.ownerId) ? await listAssignableUsers(user) : [];
  const canMovePipeline = can(user.role, "opportunity.move-pipeline") && row.status === "open";
  const otherPipelines = canMovePipeline
    ? [...(await loadAllPipelineSettings(db(), user.organizationId)).values()].filter((p) => p.pipelineId !== row.pipelineId)
    : [];
  const { fit, intent, verdict, nextGate, flags, questions } = assessment;
  const stages = settings.pipeline.stages;
  const stageLabel = (id: string) => stages.find((s) => s.id === id)?.label ?? id;
  // Archived criteria keep their label in the history, marked as no longer scored.
  const archivedLabel = (id: string) => settings.archived.find((c) => c.id === id)?.label;
  const criterionLabel = (id: string) =>
    settings.framework.criteria.find((c) => c.id === id)?.label ?? (archivedLabel(id) ? `${archivedLabel(id)} (archived)` : id);
  const canRecord = canOnRecord(user, "qualification.record", row.ownerId);
  const canMove = canOnRecord(user, "opportunity.advance", row.ownerId);

  const contactName = new Map(contacts.map((c) => [c.id, c.name]));
  const latest = new Map<string, LatestEvidence>();
  for (const e of row.evidence)
    latest.set(e.criterionId, { excerpt: e.excerpt, contactName: e.contactId ? (contactName.get(e.contactId) ?? null) : null });
  const rolesOf = (contactId: string): StakeholderRole[] => row.stakeholders.filter((s) => s.contactId === contactId).map((s) => s.role);
  const userName = new Map(users.map((u) => [u.id, u.name]));
  const known = knownHowByCriterion(row.evidence, new Map(row.criteria.map((c) => [c.criterionId, c.state])), settings.framework.criteria, {
    contactName: (id) => contactName.get(id) ?? null,
    rolesOf,
    userName: (id) => userName.get(id) ?? null,
  });
  const proofContacts = contacts.map((c) => ({
    id: c.id,
    name: c.name,
    roles: rolesOf(c.id)
      .map((r) => ROLE_LABELS[r])
      .join(", "),
  }));
  const proofHints = new Map(settings.framework.criteria.map((c) => [c.id, proofNeeded(c)]));

  return (
    <>
      <PageHeader
        eyebrow={
          <Link href={`/accounts/${row.account.id}`} className="hover:text-indigo-600">
            {row.account.name}
          </Link>
        }
        title={row.name}
        description={
          <span className="inline-flex flex-wrap items-center gap-2">
            <Badge tone="info" data-testid="stage-badge">
              {stageLabel(row.stage)}
            </Badge>
            <Badge tone="neutral" data-testid="pipeline-badge">
              {settings.pipelineName}
            </Badge>
            {held && (
              <Tooltip content={held.blockers.length > 0 ? `Not yet passed: ${held.blockers.join(" · ")}` : "Its gate was not passed"}>
                <TipTarget data-testid="held-badge">
                  <Badge tone="warn">
                    Held at {stageLabel(held.stage)} by a stage edit
                    {held.blockers.length > 0 && <span className="sr-only">: {held.blockers.join("; ")}</span>}
                  </Badge>
                </TipTarget>
              </Tooltip>
            )}
            <Badge tone={VERDICT_TONE[verdict.verdict]}>{VERDICT_LABEL[verdict.verdict]}</Badge>
            {canOnRecord(user, "opportunity.update", row.ownerId) ? (
              <span className="inline-flex flex-wrap items-baseline gap-x-1" data-testid="deal-inline-fields">
                <InlineField
                  opportunityId={row.id}
                  version={row.version}
                  field="amount"
                  label={`Amount of ${row.name}`}
                  display={formatMoney(Number(row.amount), row.currency)}
                  value={row.amount.toString()}
                  type="number"
                />
                ·
                <InlineOwner opportunityId={row.id} version={row.version} dealName={row.name} owner={owner} owners={assignable} />
                · closes
                <InlineField
                  opportunityId={row.id}
                  version={row.version}
                  field="expectedCloseDate"
                  label={`Close date of ${row.name}`}
                  display={formatDate(row.expectedCloseDate)}
                  value={row.expectedCloseDate?.toISOString().slice(0, 10) ?? ""}
                  type="date"
                />
                {row.nextStep && (
                  <>
                    · next step due
                    <InlineField
                      opportunityId={row.id}
                      version={row.version}
                      field="nextStepDueOn"
                      label={`Next step due date of ${row.name}`}
                      display={formatDate(row.nextStepDueOn)}
                      value={row.nextStepDueOn?.toISOString().slice(0, 10) ?? ""}
                      type="date"
                    />
                  </>
                )}
              </span>
            ) : (
              <span>
                {formatMoney(Number(row.amount), row.currency)} · {owner.name} · closes {formatDate(row.expectedCloseDate)}
              </span>
            )}
          </span>
        }
        actions={
          canOnRecord(user, "opportunity.update", row.ownerId) && (
            <ButtonLink href={`/opportunities/${row.id}/edit`} variant="secondary">
              <Pencil className="size-4" aria-hidden />
              Edit
            </ButtonLink>
          )
        }
      />
      <div className="grid grid-cols-1 gap-6 lg:grid-cols-3">
        <div className="space-y-6 lg:col-span-2">
          <VerdictBanner verdict={verdict} />
          <WishcastingNote gap={wishcasting} />
          {(verdict.verdict === "nurture" || row.resumeOn) && row.status === "open" && canOnRecord(user, "opportunity.update", row.ownerId) && (
            <DealNurtureForm opportunityId={row.id} defaults={dealNurtureDefaults(row, verdict, now)} resurfaceReason={row.resurfaceReason} />
          )}
          <div className="grid gap-4 sm:grid-cols-2">
            <ScoreTile
              label="Fit (account vs ICP)"
              score={fit.score}
              testId="fit-score"
              detail={fit.icpVersion ? `ICP v${fit.icpVersion}; best case ${fit.potential} if unknowns match` : "No ICP defined yet"}
            />
            <ScoreTile
              label={`Intent (${settings.framework.name})`}
              score={intent.score}
              testId="intent-score"
              detail={`${Math.round(intent.coverage * 100)}% of criteria have evidence`}
            />
          </div>
          <Card>
            <CardHeader title="Next step" description="What happens next on this deal, and by when; your due and overdue steps show on My day." />
            <CardBody>
              <NextStepPanel
                opportunityId={row.id}
                nextStep={row.nextStep}
                dueOn={row.nextStepDueOn?.toISOString().slice(0, 10) ?? null}
                overdue={row.nextStepDueOn !== null && row.nextStepDueOn.toISOString().slice(0, 10) < new Date().toISOString().slice(0, 10)}
                canEdit={row.status === "open" && canOnRecord(user, "opportunity.update", row.ownerId)}
              />
            </CardBody>
          </Card>
          <Card>
            <CardHeader
              title={nextGate ? `Gate to ${stageLabel(nextGate.toStageId)}` : "Stage"}
              description="The exit criteria of the current stage; the server enforces them on every stage change."
            />
            <CardBody className="space-y-4">
              {nextGate &&
                (nextGate.allowed ? (
                  <p className="flex items-center gap-2 text-sm font-medium text-emerald-700" data-testid="gate-ready">
                    <CheckCircle2 className="size-4" aria-hidden />
                    Every exit criterion is met: ready to advance.
                  </p>
                ) : (
                  <BlockerList blockers={nextGate.blockers} stageLabel={stageLabel} />
                ))}
              {nextGate && nextGate.overridden.length > 0 && <BlockerList blockers={nextGate.overridden} stageLabel={stageLabel} overridden />}
              {canMove && (
                <StageControl
                  opportunityId={row.id}
                  version={row.version}
                  currentStage={row.stage}
                  nextStage={nextGate ? { id: nextGate.toStageId, label: stageLabel(nextGate.toStageId) } : null}
                  stages={stages.map((s) => ({ id: s.id, label: s.label }))}
                  canOverride={can(user.role, "gate.override")}
                />
              )}
              {otherPipelines.length > 0 && (
                <MoveToPipeline
                  opportunityId={row.id}
                  version={row.version}
                  targets={otherPipelines.map((p) => ({
                    pipelineId: p.pipelineId,
                    pipelineName: p.pipelineName,
                    stages: p.pipeline.stages.filter((s) => s.kind === "open").map((s) => ({ id: s.id, label: s.label })),
                  }))}
                />
              )}
            </CardBody>
          </Card>
          <Card>
            <CardHeader
              title={`Qualification · ${settings.framework.name}`}
              description="State after freshness: old evidence goes stale and must be refreshed."
            />
            <CardBody>
              <CriteriaTable
                opportunityId={row.id}
                criteria={intent.criteria}
                latest={latest}
                known={known}
                canRecord={canRecord}
                contacts={proofContacts}
                proofHints={proofHints}
              />
            </CardBody>
          </Card>
          {can(user.role, "evidence.review") && (
            <Card>
              <CardHeader
                title="Evidence review"
                description="Verifications that rest on the rep's record: accept them, or challenge them back to claimed."
              />
              <CardBody>
                <ReviewQueue items={reviewQueue} showDeal={false} />
              </CardBody>
            </Card>
          )}
          {(canRecord || recaps.length > 0) && (
            <Card>
              <CardHeader
                title="Send a recap to the buyer"
                description="The buyer confirms, corrects or rejects each point through a link that needs no login; a confirmation is the strongest evidence there is."
              />
              <CardBody>
                <RecapPanel
                  opportunityId={row.id}
                  canSend={canRecord && row.status === "open"}
                  canEmail={canSendMail()}
                  contacts={contacts.map((c) => ({
                    id: c.id,
                    name: c.name,
                    roles: rolesOf(c.id)
                      .map((r) => ROLE_LABELS[r])
                      .join(", "),
                    hasEmail: Boolean(c.email),
                  }))}
                  draft={draftPointsFor(settings.framework.criteria, row.criteria, row.evidence)}
                  recaps={recaps.map((r) => ({
                    id: r.id,
                    contactName: r.contactName,
                    createdAt: r.createdAt,
                    expiresAt: r.expiresAt,
                    sentAt: r.sentAt,
                    status: r.status,
                    answered: r.responses.length,
                    points: r.points.length,
                  }))}
                />
              </CardBody>
            </Card>
          )}
          {can(user.role, "note.create") && (
            <Card>
              <CardHeader
                title="Log a discovery note"
                description={
                  canRecord
                    ? "Mark what the note proves: criterion, claimed or verified, who said it."
                    : "Only the deal owner or a manager can record evidence."
                }
              />
              <CardBody>
                <EvidenceNoteForm
                  opportunityId={row.id}
                  criteria={settings.framework.criteria.map((c) => ({ id: c.id, label: c.label }))}
                  contacts={contacts}
                  canRecord={canRecord}
                />
              </CardBody>
            </Card>
          )}
          <Card>
            <CardHeader title="Timeline" description="Notes, evidence, stage changes, overrides and score changes, newest first" />
            <CardBody>
              <Timeline entries={timeline} stageLabel={stageLabel} criterionLabel={criterionLabel} />
            </CardBody>
          </Card>
        </div>
        <div className="space-y-6">
          <Card>
            <CardHeader title="Ask next" description="Discovery questions that unblock the next stage first" />
            <CardBody>
              <NextQuestions questions={questions} />
            </CardBody>
          </Card>
          <Card>
            <CardHeader title="Re-qualification" />
            <CardBody>
              <FlagsList flags={flags} />
            </CardBody>
          </Card>
          <Card>
            <CardHeader title="Buying committee" />
            <CardBody>
              <CommitteePanel
                opportunityId={row.id}
                canEdit={canRecord}
                contacts={contacts}
                roles={Object.entries(ROLE_LABELS).map(([id, label]) => ({ id, label }))}
                members={row.stakeholders.map((s) => ({
                  id: s.id,
                  name: s.contact.name,
                  title: s.contact.title,
                  role: s.role,
                  roleLabel: ROLE_LABELS[s.role],
                  lastEngagedAt: s.lastEngagedAt,
                  championTested: s.championTested,
                }))}
              />
            </CardBody>
          </Card>
          <Card>
            <CardHeader title="Fit to the ICP" description={fit.reasons[0]?.text} />
            <CardBody>
              <FitPanel fit={fit} />
            </CardBody>
          </Card>
          <Card>
            <CardHeader title="Details" />
            <CardBody>
              <DefinitionList
                items={[
                  ["Status", OPPORTUNITY_STATUS_LABEL[row.status]],
                  ["Rep confidence", row.repConfidence === null ? null : `${row.repConfidence}%`],
                  [
                    "Adjusted forecast",
                    assessment.discount && (
                      <span data-testid="forecast-discount">
                        Counted at {assessment.discount.evidenceProbability}% of {formatMoney(Number(row.amount), row.currency)}
                        {assessment.discount.evidenceProbability < assessment.discount.stageProbability && (
                          <>
                            {" "}
                            (stage alone: {assessment.discount.stageProbability}%) because {assessment.discount.because.join("; ")}
                          </>
                        )}
                      </span>
                    ),
                  ],
                  ["First committed close", formatDate(row.originalCloseDate)],
                  ["Last activity", formatDate(row.lastActivityAt)],
                  ["Created", formatDate(row.createdAt)],
                ]}
              />
            </CardBody>
          </Card>
        </div>
      </div>
    </>
  );
}
