import { db } from "../../../lib/server/db";
import { createAccountFor, createContactFor, createOpportunityFor, createTenant, type Tenant } from "../../fixtures/tenants";

/**
 * The records every probe aims at: tenant A's rep owns an account, a deal (with a contact on its committee)
 * and is the target of user management; tenant B is the intruder's organization.
 */
export async function buildWorld() {
  const [a, b] = await Promise.all([createTenant("ProbeA"), createTenant("ProbeB")]);
  const account = await createAccountFor(a.rep);
  const opportunity = await createOpportunityFor(a.rep, account.id, { stage: "prospecting" });
  const contact = await createContactFor(a.rep, account.id);
  const stakeholder = await db().stakeholder.create({
    data: { organizationId: a.org.id, opportunityId: opportunity.id, contactId: contact.id, role: "champion", addedById: a.rep.id },
  });
  const now = new Date();
  const lead = await db().lead.create({
    data: {
      organizationId: a.org.id,
      source: "manual",
      name: "Probe Lead",
      companyName: "Probe Co",
      fit: 60,
      intent: 20,
      verdict: "pursue",
      icpVersion: 1,
      scoredAt: now,
      ownerId: a.rep.id,
    },
  });
  const importJob = await db().importJob.create({
    data: { organizationId: a.org.id, createdById: a.admin.id, kind: "leads", fileName: "probe.csv", status: "uploaded" },
  });
  const apiKey = await db().apiKey.create({
    data: {
      organizationId: a.org.id,
      name: "Probe key",
      prefix: "wnw_probe",
      tokenHash: `probe-${a.org.id}`,
      userId: a.admin.id,
      role: "rep",
      createdById: a.admin.id,
    },
  });
  const webhook = await db().webhookEndpoint.create({
    data: { organizationId: a.org.id, url: "http://127.0.0.1:9/probe", events: ["lead.created"], secret: "probe-secret", createdById: a.admin.id },
  });
  const event = await db().webhookEvent.create({ data: { organizationId: a.org.id, type: "lead.created", payload: {} } });
  const delivery = await db().webhookDelivery.create({
    data: { organizationId: a.org.id, endpointId: webhook.id, eventId: event.id, status: "failed" },
  });
  const recap = await db().recap.create({
    data: {
      organizationId: a.org.id,
      opportunityId: opportunity.id,
      contactId: contact.id,
      points: [{ criterionId: "metrics", label: "Metrics", text: "Probe" }],
      tokenHash: `probe-${a.org.id}`,
      createdById: a.rep.id,
      expiresAt: new Date(now.getTime() + 86_400_000),
    },
  });
  return { a, b, account, opportunity, contact, stakeholder, lead, importJob, recap, apiKey, webhook, delivery };
}

export type World = Awaited<ReturnType<typeof buildWorld>>;
export type { Tenant };
