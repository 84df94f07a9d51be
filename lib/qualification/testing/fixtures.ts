/**
 * Realistic sample data shared by the engine's tests and benchmark (and usable by app tests): a 10-rule ICP,
 * a matching account and a MEDDPICC opportunity at the proposal stage. Builders take overrides so each test
 * states only what it changes.
 */
import type { AccountProfile, IcpDefinition } from "../icp";
import type { CriterionEvidence, EvidenceState, OpportunitySnapshot, Stakeholder } from "../model";
import { addDays } from "../dates";

export const NOW = new Date("2025-06-02T12:00:00Z");

export const daysAgo = (days: number, now: Date = NOW): Date => addDays(now, -days);

export const SAAS_ICP: IcpDefinition = {
  version: 3,
  pursueThreshold: 60,
  disqualifyBelow: 30,
  rules: [
    { id: "industry", kind: "industry_in", label: "Target industry", weight: 15, knockout: false, industries: ["Software", "Fintech", "E-commerce"] },
    { id: "size", kind: "employee_range", label: "50–2,000 employees", weight: 15, knockout: true, min: 50, max: 2000 },
    { id: "region", kind: "region_in", label: "Sold regions", weight: 10, knockout: true, regions: ["EMEA", "NA"] },
    { id: "country", kind: "country_in", label: "Priority countries", weight: 5, knockout: false, countries: ["DE", "FR", "GB", "US"] },
    {
      id: "crm",
      kind: "tech_includes",
      label: "Uses a CRM",
      weight: 10,
      knockout: false,
      technologies: ["Salesforce", "HubSpot", "Pipedrive"],
      mode: "any",
    },
    { id: "stack", kind: "tech_includes", label: "Cloud data stack", weight: 5, knockout: false, technologies: ["Snowflake", "dbt"], mode: "all" },
    { id: "no_competitor", kind: "tech_excludes", label: "No competing tool", weight: 10, knockout: false, technologies: ["Clari", "Gong Forecast"] },
    {
      id: "funding",
      kind: "funding_stage_in",
      label: "Funded growth stage",
      weight: 10,
      knockout: false,
      stages: ["Series A", "Series B", "Series C"],
    },
    {
      id: "hiring_sales",
      kind: "hiring_signals",
      label: "Hiring sellers",
      weight: 10,
      knockout: false,
      minCount: 2,
      signals: ["account executive", "sdr", "revops"],
    },
    { id: "hiring_any", kind: "hiring_signals", label: "Growing", weight: 10, knockout: false, minCount: 1 },
  ],
};

export function account(overrides: Partial<AccountProfile> = {}): AccountProfile {
  return {
    industry: "Software",
    employeeCount: 320,
    country: "DE",
    region: "EMEA",
    techStack: ["HubSpot", "Snowflake", "dbt", "Slack"],
    fundingStage: "Series B",
    hiringSignals: ["Account Executive", "RevOps", "Data Engineer"],
    ...overrides,
  };
}

export function evidence(criterionId: string, state: EvidenceState, ageDays: number | null, now: Date = NOW): CriterionEvidence {
  if (ageDays === null) return { criterionId, state, evidence: [] };
  const at = daysAgo(ageDays, now);
  return {
    criterionId,
    state,
    evidence: [
      {
        noteId: `note-${criterionId}`,
        excerpt: `Discussed ${criterionId}`,
        contactId: "c-champ",
        capturedAt: at,
        verifiedBy: state === "verified" ? "manager-1" : null,
        verifiedAt: state === "verified" ? at : null,
        // A manager verified it: the strongest basis, so gates that ask for one are met unless a test says otherwise.
        ...(state === "verified" && { basis: "manager_reviewed" as const }),
      },
    ],
  };
}

export function stakeholder(contactId: string, role: Stakeholder["role"], overrides: Partial<Stakeholder> = {}): Stakeholder {
  return { contactId, name: contactId, role, lastEngagedAt: daysAgo(3), championTested: false, addedAt: daysAgo(40), ...overrides };
}

/** A healthy MEDDPICC deal in "proposal": most criteria verified and fresh, paper process and competition open. */
export function meddpiccOpportunity(overrides: Partial<OpportunitySnapshot> = {}): OpportunitySnapshot {
  return {
    id: "opp-1",
    stageId: "proposal",
    status: "open",
    amount: 48_000,
    repConfidence: 70,
    expectedCloseDate: addDays(NOW, 30),
    originalCloseDate: addDays(NOW, 30),
    createdAt: daysAgo(60),
    lastActivityAt: daysAgo(2),
    criteria: [
      evidence("metrics", "verified", 10),
      evidence("economic_buyer", "verified", 12),
      evidence("decision_criteria", "verified", 20),
      evidence("decision_process", "claimed", 15),
      evidence("paper_process", "claimed", 5),
      evidence("identify_pain", "verified", 30),
      evidence("champion", "verified", 7),
      evidence("competition", "claimed", 25),
    ],
    stakeholders: [
      stakeholder("c-eb", "economic_buyer", { lastEngagedAt: daysAgo(10) }),
      stakeholder("c-champ", "champion", { championTested: true }),
      stakeholder("c-user", "user"),
    ],
    overrides: [],
    ...overrides,
  };
}
