import { FRAMEWORKS, pipelineFor, type GateRequirement, type IcpRule, type StakeholderRole } from "../../lib/qualification";
import type { PrismaClient } from "../../lib/server/generated/prisma/client";
import { asJson } from "../../lib/server/json";
import { rescore } from "../../lib/server/qualification/score-history";
import { daysFrom, type Random } from "./random";

/** Lumen's ICP: mid-market and up, data-heavy industries, on a modern data stack, growing. */
const LUMEN_ICP_RULES: IcpRule[] = [
  {
    id: "industry",
    label: "Data-heavy industry",
    kind: "industry_in",
    industries: ["SaaS", "Fintech", "Healthcare", "Logistics", "Retail"],
    weight: 25,
    knockout: false,
  },
  { id: "size", label: "200–20,000 employees", kind: "employee_range", min: 200, max: 20_000, weight: 20, knockout: false },
  { id: "min_size", label: "At least 50 employees", kind: "employee_range", min: 50, weight: 5, knockout: true },
  { id: "region", label: "North America or EMEA", kind: "region_in", regions: ["North America", "EMEA"], weight: 15, knockout: false },
  {
    id: "stack",
    label: "Modern cloud data stack",
    kind: "tech_includes",
    technologies: ["Snowflake", "Databricks", "dbt", "AWS", "GCP"],
    mode: "any",
    weight: 15,
    knockout: false,
  },
  {
    id: "funding",
    label: "Series B or later",
    kind: "funding_stage_in",
    stages: ["Series B", "Series C", "Growth", "Public"],
    weight: 10,
    knockout: false,
  },
  { id: "hiring", label: "Investing in data (hiring)", kind: "hiring_signals", minCount: 1, weight: 10, knockout: false },
];

const EXCERPTS: Record<string, string[]> = {
  metrics: ["Target: month-end close from 9 days to 3", "They value analyst time at $1.2M a year"],
  economic_buyer: ["CFO Dana owns the analytics budget", "VP Finance signs anything over $50k"],
  decision_criteria: ["Must have row-level security and SSO", "Evaluating on governance and refresh speed"],
  decision_process: ["Pilot, security review, then CFO sign-off", "Steering committee meets monthly"],
  paper_process: ["Legal needs our DPA; procurement wants 3 quotes", "MSA redlines take about 3 weeks"],
  identify_pain: ["Reports disagree; board lost trust in numbers", "Finance reconciles three systems by hand"],
  champion: ["Head of Data is pushing this internally", "Analytics lead shared the internal deck with us"],
  competition: ["Competing with incumbent BI vendor", "Also talking to a cheaper startup"],
};

type Scenario = "on_track" | "ready" | "stale_deal" | "stale_evidence" | "silent_champion" | "slipped" | "not_yet" | "not_a_fit" | "overridden";
const SCENARIOS: Scenario[] = [
  "on_track",
  "ready",
  "on_track",
  "stale_deal",
  "ready",
  "stale_evidence",
  "silent_champion",
  "slipped",
  "not_yet",
  "not_a_fit",
  "on_track",
  "overridden",
];

interface Seeded {
  id: string;
  accountId: string;
  ownerId: string;
  stage: string;
  createdAt: Date;
}

/** Requirements of every exit gate the deal has already passed, plus its current gate when it is "ready". */
function gatesToSatisfy(stageIds: string[], exits: Map<string, GateRequirement[]>, stage: string, includeCurrent: boolean): GateRequirement[] {
  const reached = stage === "closed_won" ? stageIds.length : stageIds.indexOf(stage) + (includeCurrent ? 1 : 0);
  return stageIds.slice(0, Math.max(0, reached)).flatMap((id) => exits.get(id) ?? []);
}

export async function seedQualification(prisma: PrismaClient, random: Random, now: Date, organizationId: string): Promise<number> {
  await prisma.icpVersion.createMany({
    data: [
      {
        id: "seed_icp_lumen_1",
        organizationId,
        version: 1,
        rules: asJson(LUMEN_ICP_RULES),
        pursueThreshold: 55,
        disqualifyBelow: 30,
        note: "Launch ICP",
        createdById: "seed_user_marketing",
        createdAt: daysFrom(now, -200),
      },
    ],
    skipDuplicates: true,
  });
  if ((await prisma.stageChange.count({ where: { organizationId } })) > 0) return 0; // already seeded: idempotent

  const pipeline = pipelineFor(FRAMEWORKS.meddpicc);
  const openStages = pipeline.stages.filter((s) => s.kind === "open").map((s) => s.id);
  const exits = new Map(pipeline.stages.map((s) => [s.id, s.exit]));
  const deals = await prisma.opportunity.findMany({
    where: { organizationId },
    orderBy: { id: "asc" },
    include: { account: { include: { contacts: { orderBy: { id: "asc" } } } } },
  });

  for (const [i, deal] of deals.entries()) {
    const scenario: Scenario =
      deal.stage === "closed_won" ? "ready" : deal.stage === "closed_lost" ? "not_yet" : (SCENARIOS[i % SCENARIOS.length] ?? "on_track");
    const contacts = deal.account.contacts;
    const at = (days: number) => daysFrom(now, -days);
    const evidenceAge = scenario === "stale_evidence" ? 100 : random.int(2, 20);
    const requirements = gatesToSatisfy(openStages, exits, deal.stage, scenario === "ready");

    // Criteria: what the deal must have had to get where it is.
    const states = new Map<string, "claimed" | "verified" | "negative">();
    for (const req of requirements) {
      if (req.kind !== "criterion") continue;
      if (states.get(req.criterionId) !== "verified") states.set(req.criterionId, req.atLeast);
    }
    if (scenario === "not_yet") states.set("decision_process", "negative");
    if (scenario === "not_a_fit") states.set("identify_pain", "negative");
    for (const [criterionId, state] of states) {
      const excerpt =
        state === "negative"
          ? criterionId === "identify_pain"
            ? "They say current reporting is fine; no pain to solve."
            : "No buying process this year: budget frozen until next fiscal year."
          : random.pick(EXCERPTS[criterionId] ?? ["Confirmed on call"]);
      const capturedAt = at(evidenceAge + random.int(0, 5));
      const contactId = contacts[random.int(0, contacts.length - 1)]?.id ?? null;
      await prisma.evidence.create({
        data: {
          organizationId,
          opportunityId: deal.id,
          criterionId,
          state,
          excerpt,
          contactId,
          capturedAt,
          capturedById: deal.ownerId,
          verifiedById: state === "verified" ? deal.ownerId : null,
          verifiedAt: state === "verified" ? capturedAt : null,
          ...basisFor(criterionId, state, i, scenario),
        },
      });
      await prisma.criterionState.create({ data: { organizationId, opportunityId: deal.id, criterionId, state, updatedById: deal.ownerId } });
      await prisma.criterionChange.create({
        data: {
          organizationId,
          opportunityId: deal.id,
          criterionId,
          fromState: "unknown",
          toState: state,
          actorId: deal.ownerId,
          reason: "Discovery note",
          at: capturedAt,
        },
      });
    }

    // Buying committee, as the gates passed require.
    const roles = new Map<StakeholderRole, { engagedDaysAgo: number; tested: boolean }>();
    for (const req of requirements) {
      if (req.kind === "stakeholder") roles.set(req.role, { engagedDaysAgo: random.int(2, 12), tested: false });
      if (req.kind === "champion_tested") roles.set("champion", { engagedDaysAgo: random.int(2, 10), tested: true });
    }
    if (scenario === "silent_champion") roles.set("champion", { engagedDaysAgo: 35, tested: roles.get("champion")?.tested ?? false });
    if (openStages.indexOf(deal.stage) >= 2 && !roles.has("influencer"))
      roles.set("influencer", { engagedDaysAgo: random.int(1, 30), tested: false });
    let c = 0;
    for (const [role, { engagedDaysAgo, tested }] of roles) {
      const contact = contacts[c++ % Math.max(1, contacts.length)];
      if (!contact) break;
      await prisma.stakeholder.create({
        data: {
          organizationId,
          opportunityId: deal.id,
          contactId: contact.id,
          role,
          lastEngagedAt: at(engagedDaysAgo),
          championTested: tested,
          addedAt: at(engagedDaysAgo + 20),
          addedById: deal.ownerId,
        },
      });
    }

    await seedHistory(prisma, deal, openStages, scenario, now);
    const slippedFrom = scenario === "slipped" && deal.expectedCloseDate ? daysFrom(deal.expectedCloseDate, -45) : null;
    await prisma.opportunity.update({
      where: { id: deal.id },
      data: { lastActivityAt: scenario === "stale_deal" ? at(48) : at(random.int(0, 10)), originalCloseDate: slippedFrom ?? deal.expectedCloseDate },
    });
    await rescore(prisma, organizationId, deal.id, "seed", now);
  }
  return deals.length;
}

/**
 * How seeded verifications are known. The gates' "confirmed" requirements (economic buyer, paper process) were
 * reviewed by the manager, except on some deals still in flight whose verification rests on the rep's word:
 * the dashboard's review queue. Other verifications rest on a contact's words or a shared document.
 */
function basisFor(criterionId: string, state: string, i: number, scenario: Scenario) {
  if (state !== "verified") return {};
  if (criterionId === "economic_buyer" || criterionId === "paper_process") {
    if (i % 4 === 1 && scenario !== "ready") return { basis: "self_attested" as const };
    return { basis: "manager_reviewed" as const, reviewedById: "seed_user_manager" };
  }
  return i % 2 === 0 ? { basis: "contact_statement" as const } : { basis: "document" as const, documentRef: "Shared drive: business case v2" };
}

/** A believable trail of stage changes up to the current stage; "overridden" deals got past one gate by exception. */
async function seedHistory(prisma: PrismaClient, deal: Seeded, openStages: string[], scenario: Scenario, now: Date) {
  const target = deal.stage.startsWith("closed") ? openStages.length : openStages.indexOf(deal.stage);
  const span = Math.max(1, (now.getTime() - deal.createdAt.getTime()) / (target + 2));
  let from = openStages[0] ?? "prospecting";
  const path = [...openStages.slice(1, target + 1), ...(deal.stage.startsWith("closed") ? [deal.stage] : [])];
  for (const [k, to] of path.entries()) {
    const at = new Date(deal.createdAt.getTime() + span * (k + 1));
    const overridden = scenario === "overridden" && k === path.length - 1;
    if (overridden) {
      await prisma.gateOverride.create({
        data: {
          organizationId: "seed_org_lumen",
          opportunityId: deal.id,
          stageKey: from,
          byId: "seed_user_manager",
          reason: "Strategic logo: board-level sponsor, evidence to follow this week",
          expiresAt: daysFrom(now, 14),
          createdAt: at,
        },
      });
    }
    await prisma.stageChange.create({
      data: {
        organizationId: "seed_org_lumen",
        opportunityId: deal.id,
        fromStage: from,
        toStage: to,
        actorId: overridden ? "seed_user_manager" : deal.ownerId,
        at,
        outcome: overridden ? "overridden" : "allowed",
        blockers: overridden ? [{ stageId: from, code: "criterion_missing", message: "Evidence was missing at the time of the move" }] : [],
        reason: overridden ? "Strategic logo: board-level sponsor, evidence to follow this week" : null,
      },
    });
    from = to;
  }
}
