import "server-only";
import type { z } from "zod";
import { computeFit } from "../../qualification";
import { scoreLead, type LeadAnswer } from "../../qualification/leads";
import { can } from "../../permissions";
import type { convertLeadSchema } from "../../validation/lead";
import { recordAudit } from "../audit";
import { db, type Tx } from "../db";
import { AppError, forbidden } from "../errors";
import { firstStageOf } from "../pipeline/organization-pipeline";
import { rescoreAccount } from "../qualification/account-assessment";
import { rescore } from "../qualification/score-history";
import { loadQualificationSettings } from "../qualification/settings";
import type { SessionUser } from "../session";
import { leadForAction } from "./triage";

type Lead = Awaited<ReturnType<typeof leadForAction>>;

async function accountFor(tx: Tx, lead: Lead, ownerId: string) {
  if (lead.domain) {
    const existing = await tx.account.findFirst({ where: { organizationId: lead.organizationId, domain: lead.domain } });
    if (existing) return { account: existing, created: false };
  }
  const account = await tx.account.create({
    data: {
      organizationId: lead.organizationId,
      ownerId,
      name: lead.companyName,
      domain: lead.domain,
      industry: lead.industry,
      employeeCount: lead.employeeCount,
      country: lead.country,
      region: lead.region,
      techStack: lead.techStack,
      fundingStage: lead.fundingStage,
      hiringSignals: lead.hiringSignals,
    },
  });
  return { account, created: true };
}

async function contactFor(tx: Tx, lead: Lead, accountId: string) {
  if (lead.email) {
    const existing = await tx.contact.findFirst({
      where: { organizationId: lead.organizationId, email: { equals: lead.email, mode: "insensitive" } },
    });
    if (existing) return { contact: existing, created: false };
  }
  const contact = await tx.contact.create({
    data: { organizationId: lead.organizationId, accountId, name: lead.name, title: lead.title, email: lead.email, phone: lead.phone },
  });
  return { contact, created: true };
}

/**
 * Accepts a lead: links or creates the account (by domain) and contact (by email), opens a deal in the first
 * stage with the lead's answers as claimed evidence, and re-scores it. A failed ICP knockout refuses the
 * conversion unless a manager overrides it with a reason, which is audited. Every door (inbox, import, API) uses this.
 */
export async function convertLead(user: SessionUser, input: z.infer<typeof convertLeadSchema>, now = new Date()) {
  return db().$transaction(async (tx) => {
    const lead = await leadForAction(tx, user, input.leadId, "lead.convert");
    if (lead.status === "accepted") throw new AppError("CONFLICT", "This lead was already converted.");
    const settings = await loadQualificationSettings(tx, user.organizationId, input.pipelineId ?? null);
    const fit = computeFit(lead, settings.icp);
    const knockouts = fit.rules
      .filter((r) => r.knockout && r.outcome === "miss")
      .map((r) => ({ ruleId: r.ruleId, label: r.label, reason: r.reason }));
    if (knockouts.length > 0) {
      if (!input.overrideReason) {
        throw new AppError(
          "GATE_BLOCKED",
          `Not converted: the company misses the ICP knockout ${knockouts.map((k) => `"${k.label}"`).join(", ")}. A manager can override with a reason.`,
          { knockouts },
        );
      }
      if (!can(user.role, "lead.override_knockout")) throw forbidden("Only a manager can convert a lead that misses an ICP knockout.");
    }
    const ownerId = lead.ownerId ?? user.id;
    const { account, created: accountCreated } = await accountFor(tx, lead, ownerId);
    if (accountCreated) await rescoreAccount(tx, user.organizationId, account.id, "account_created", now, settings);
    const { contact, created: contactCreated } = await contactFor(tx, lead, account.id);
    const opportunity = await tx.opportunity.create({
      data: {
        organizationId: user.organizationId,
        accountId: account.id,
        ownerId,
        amount: 0,
        name: input.opportunityName ?? `${lead.companyName} — new deal`,
        ...(await firstStageOf(tx, user.organizationId, settings.pipelineId)),
      },
    });
    const answers = Array.isArray(lead.answers) ? (lead.answers as unknown as LeadAnswer[]) : [];
    const { criteria } = scoreLead({ company: lead, answers, framework: settings.framework, icp: settings.icp, now });
    for (const c of criteria) {
      if (c.state !== "claimed" && c.state !== "negative") continue;
      const excerpt = `Lead answer (${lead.source.replace("_", " ")}): ${c.evidence[0]?.excerpt ?? ""}`.slice(0, 1000);
      const evidence = await tx.evidence.create({
        data: {
          organizationId: user.organizationId,
          opportunityId: opportunity.id,
          criterionId: c.criterionId,
          state: c.state,
          contactId: contact.id,
          excerpt,
          capturedById: user.id,
          capturedAt: now,
        },
      });
      await tx.criterionState.create({
        data: {
          organizationId: user.organizationId,
          opportunityId: opportunity.id,
          criterionId: c.criterionId,
          state: c.state,
          updatedById: user.id,
        },
      });
      await tx.criterionChange.create({
        data: {
          organizationId: user.organizationId,
          opportunityId: opportunity.id,
          criterionId: c.criterionId,
          fromState: "unknown",
          toState: c.state,
          actorId: user.id,
          evidenceId: evidence.id,
          reason: "From the lead's answers",
        },
      });
    }
    await rescore(tx, user.organizationId, opportunity.id, "created", now, settings);
    const after = await tx.lead.update({
      where: { id: lead.id },
      data: {
        status: "accepted",
        convertedAt: now,
        accountId: account.id,
        contactId: contact.id,
        opportunityId: opportunity.id,
        ownerId,
        resumeOn: null,
      },
    });
    const links = { accountId: account.id, accountCreated, contactId: contact.id, contactCreated, opportunityId: opportunity.id };
    await recordAudit(tx, {
      organizationId: user.organizationId,
      actorId: user.id,
      entityType: "opportunity",
      entityId: opportunity.id,
      action: "create",
      after: opportunity,
    });
    await recordAudit(tx, {
      organizationId: user.organizationId,
      actorId: user.id,
      entityType: "lead",
      entityId: lead.id,
      action: knockouts.length > 0 ? "convert_override" : "convert",
      before: { status: lead.status },
      after: { status: after.status, ...links },
      reason: knockouts.length > 0 ? `${input.overrideReason} (overrode knockout ${knockouts.map((k) => k.label).join(", ")})` : null,
    });
    return { lead: after, ...links };
  });
}
