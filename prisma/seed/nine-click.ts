import type { PrismaClient } from "../../lib/server/generated/prisma/client";
import { rescore } from "../../lib/server/qualification/score-history";
import { defaultPipelineOf } from "./foundation";
import { daysFrom } from "./random";

const ORG = "seed_org_lumen";
const REP = "seed_user_rep";
const NINE_CLICK_DEAL = "seed_opp_nine_click";

/**
 * The deal the evidence rules exist for: $100k in Proposal, every criterion only claimed, and the note saying the
 * economic buyer has not seen pricing. Before proof was required, nine clicks made it "ready" for Closed won.
 * Writes only columns every schema version has, so the same deal can be seeded into an older build to compare.
 */
export async function seedNineClickDeal(prisma: PrismaClient, now: Date): Promise<void> {
  if (await prisma.opportunity.findUnique({ where: { id: NINE_CLICK_DEAL }, select: { id: true } })) return;
  const at = (days: number) => daysFrom(now, -days);
  await prisma.account.create({
    data: {
      id: "seed_acc_helix",
      organizationId: ORG,
      ownerId: REP,
      name: "Helix Freight",
      domain: "helixfreight.example",
      industry: "Logistics",
      employeeCount: 1800,
      country: "US",
      region: "North America",
      fundingStage: "Series C",
      techStack: ["Snowflake", "dbt"],
      hiringSignals: ["Data Engineer"],
      createdAt: at(70),
    },
  });
  await prisma.contact.createMany({
    data: [
      {
        id: "seed_con_helix_cfo",
        organizationId: ORG,
        accountId: "seed_acc_helix",
        name: "Dana Ruiz",
        title: "CFO",
        email: "dana.ruiz@helixfreight.example",
      },
      {
        id: "seed_con_helix_champ",
        organizationId: ORG,
        accountId: "seed_acc_helix",
        name: "Omar Haddad",
        title: "Head of Data",
        email: "omar.haddad@helixfreight.example",
      },
    ],
  });
  await prisma.opportunity.create({
    data: {
      id: NINE_CLICK_DEAL,
      organizationId: ORG,
      pipelineId: defaultPipelineOf(ORG),
      accountId: "seed_acc_helix",
      ownerId: REP,
      name: "Helix Freight — Enterprise rollout",
      amount: 100_000,
      stage: "proposal",
      expectedCloseDate: daysFrom(now, 25),
      originalCloseDate: daysFrom(now, 25),
      repConfidence: 90,
      createdAt: at(60),
      lastActivityAt: at(6),
    },
  });
  await prisma.note.create({
    data: {
      id: "seed_note_helix",
      organizationId: ORG,
      authorId: REP,
      opportunityId: NINE_CLICK_DEAL,
      body: "Call with Omar. The economic buyer has NOT seen pricing yet; Omar will try to get us in front of Dana next month.",
      createdAt: at(6),
    },
  });
  const claims: Array<[string, string, string | null]> = [
    ["metrics", "Omar thinks they could save two analyst days a week", "seed_con_helix_champ"],
    ["economic_buyer", "The economic buyer has NOT seen pricing yet", null],
    ["decision_criteria", "SSO and row-level security are must-haves", "seed_con_helix_champ"],
    ["decision_process", "Omar says a pilot, then Dana decides", "seed_con_helix_champ"],
    ["identify_pain", "Month-end reports disagree across three systems", "seed_con_helix_champ"],
    ["champion", "Omar is pushing this internally", "seed_con_helix_champ"],
    ["competition", "Also looking at their BI vendor's add-on", null],
  ];
  for (const [criterionId, excerpt, contactId] of claims) {
    await prisma.evidence.create({
      data: {
        organizationId: ORG,
        opportunityId: NINE_CLICK_DEAL,
        criterionId,
        state: "claimed",
        noteId: "seed_note_helix",
        contactId,
        excerpt,
        capturedAt: at(6),
        capturedById: REP,
      },
    });
    await prisma.criterionState.create({
      data: { organizationId: ORG, opportunityId: NINE_CLICK_DEAL, criterionId, state: "claimed", updatedById: REP },
    });
    await prisma.criterionChange.create({
      data: {
        organizationId: ORG,
        opportunityId: NINE_CLICK_DEAL,
        criterionId,
        fromState: "unknown",
        toState: "claimed",
        actorId: REP,
        reason: "Discovery note",
        at: at(6),
      },
    });
  }
  await prisma.stakeholder.createMany({
    data: [
      {
        organizationId: ORG,
        opportunityId: NINE_CLICK_DEAL,
        contactId: "seed_con_helix_cfo",
        role: "economic_buyer",
        lastEngagedAt: at(45),
        addedAt: at(50),
        addedById: REP,
      },
      {
        organizationId: ORG,
        opportunityId: NINE_CLICK_DEAL,
        contactId: "seed_con_helix_champ",
        role: "champion",
        lastEngagedAt: at(6),
        addedAt: at(50),
        addedById: REP,
      },
    ],
  });
  const path: Array<[string, string, number]> = [
    ["prospecting", "discovery", 50],
    ["discovery", "solution", 35],
    ["solution", "proposal", 12],
  ];
  for (const [from, to, days] of path) {
    await prisma.stageChange.create({
      data: { organizationId: ORG, opportunityId: NINE_CLICK_DEAL, fromStage: from, toStage: to, actorId: REP, outcome: "allowed", at: at(days) },
    });
  }
  await rescore(prisma, ORG, NINE_CLICK_DEAL, "seed", now);
}
