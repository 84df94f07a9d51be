/** fast-check generators for the engine's property tests: any account, ICP, framework and deal. */
import fc from "fast-check";
import { addDays } from "../dates";
import { FRAMEWORKS } from "../frameworks";
import type { AccountProfile, IcpDefinition, IcpRule } from "../icp";
import type {
  CriterionEvidence,
  EvidenceItem,
  EvidenceState,
  Framework,
  GateOverride,
  OpportunitySnapshot,
  Pipeline,
  Stakeholder,
  StakeholderRole,
} from "../model";
import { NOW } from "./fixtures";

const ROLES: StakeholderRole[] = ["economic_buyer", "champion", "decision_maker", "influencer", "blocker", "user", "procurement"];
const STATES: EvidenceState[] = ["unknown", "claimed", "verified", "negative"];
const INDUSTRIES = ["Software", "fintech", "RETAIL", "Healthcare", " E-commerce "];
const REGIONS = ["EMEA", "na", "APAC", "LatAm"];
const COUNTRIES = ["DE", "fr", "US", "JP", "BR"];
const TECH = ["Salesforce", "hubspot", "Snowflake", "DBT", "Clari", "Slack"];
const FUNDING = ["Seed", "series a", "Series B", "IPO"];
const SIGNALS = ["SDR", "account executive", "RevOps", "Data Engineer"];

/** A date within roughly a year before and a month after NOW. */
export const dateArb = fc.integer({ min: -400, max: 30 }).map((d) => addDays(NOW, d));

const subset = <T>(xs: T[], min = 0) => fc.subarray(xs, { minLength: min });

export const accountArb: fc.Arbitrary<AccountProfile> = fc.record({
  industry: fc.option(fc.constantFrom(...INDUSTRIES), { nil: null }),
  employeeCount: fc.option(fc.integer({ min: 1, max: 50_000 }), { nil: null }),
  country: fc.option(fc.constantFrom(...COUNTRIES), { nil: null }),
  region: fc.option(fc.constantFrom(...REGIONS), { nil: null }),
  techStack: subset(TECH),
  fundingStage: fc.option(fc.constantFrom(...FUNDING), { nil: null }),
  hiringSignals: subset(SIGNALS),
});

const ruleBase = fc.record({ label: fc.constant("rule"), weight: fc.integer({ min: 0, max: 30 }), knockout: fc.boolean() });

const ruleBodyArb = fc.oneof(
  subset(INDUSTRIES, 1).map((industries) => ({ kind: "industry_in" as const, industries })),
  fc
    .record({
      min: fc.option(fc.integer({ min: 0, max: 5000 }), { nil: undefined }),
      max: fc.option(fc.integer({ min: 0, max: 50_000 }), { nil: undefined }),
    })
    .map(({ min, max }) => ({ kind: "employee_range" as const, ...(min === undefined ? {} : { min }), ...(max === undefined ? {} : { max }) })),
  subset(REGIONS, 1).map((regions) => ({ kind: "region_in" as const, regions })),
  subset(COUNTRIES, 1).map((countries) => ({ kind: "country_in" as const, countries })),
  fc
    .record({ technologies: subset(TECH, 1), mode: fc.constantFrom("any" as const, "all" as const) })
    .map((r) => ({ kind: "tech_includes" as const, ...r })),
  subset(TECH, 1).map((technologies) => ({ kind: "tech_excludes" as const, technologies })),
  subset(FUNDING, 1).map((stages) => ({ kind: "funding_stage_in" as const, stages })),
  fc
    .record({ minCount: fc.integer({ min: 0, max: 4 }), signals: fc.option(subset(SIGNALS, 1), { nil: undefined }) })
    .map(({ minCount, signals }) => ({ kind: "hiring_signals" as const, minCount, ...(signals === undefined ? {} : { signals }) })),
);

const ruleArb: fc.Arbitrary<Omit<IcpRule, "id">> = fc.tuple(ruleBase, ruleBodyArb).map(([base, body]) => ({ ...base, ...body }));

export const icpArb: fc.Arbitrary<IcpDefinition> = fc
  .record({
    version: fc.nat(10),
    rules: fc.array(ruleArb, { minLength: 1, maxLength: 10 }).map((rules) => rules.map((r, i) => ({ ...r, id: `r${i}` }) as IcpRule)),
    pursueThreshold: fc.integer({ min: 0, max: 100 }),
    disqualifyBelow: fc.option(fc.integer({ min: 0, max: 50 }), { nil: undefined }),
  })
  .map((icp) => (icp.disqualifyBelow === undefined ? { version: icp.version, rules: icp.rules, pursueThreshold: icp.pursueThreshold } : icp));

export const frameworkArb: fc.Arbitrary<Framework> = fc.constantFrom(...Object.values(FRAMEWORKS));

/** A date in the last 25 days: fresh for every template criterion. */
const recentArb = fc.integer({ min: -25, max: 0 }).map((d) => addDays(NOW, d));

function evidenceItemOf(dates: fc.Arbitrary<Date>): fc.Arbitrary<EvidenceItem> {
  return fc.record({
    excerpt: fc.constant("said so"),
    capturedAt: dates,
    verifiedAt: fc.option(dates, { nil: null }),
    verifiedBy: fc.option(fc.constant("manager"), { nil: null }),
  });
}

export const evidenceItemArb: fc.Arbitrary<EvidenceItem> = evidenceItemOf(dateArb);

/**
 * "any" draws every state and date evenly; "qualified" mostly draws fresh verified evidence and an engaged,
 * tested committee, so that gated moves are often allowed and their guarantees get exercised.
 */
export type Bias = "any" | "qualified";

function stateArb(bias: Bias): fc.Arbitrary<EvidenceState> {
  const any = fc.constantFrom(...STATES);
  return bias === "any" ? any : fc.oneof({ weight: 6, arbitrary: fc.constant("verified" as const) }, { weight: 1, arbitrary: any });
}

function criteriaArb(framework: Framework, bias: Bias): fc.Arbitrary<CriterionEvidence[]> {
  const dates = bias === "any" ? dateArb : fc.oneof({ weight: 6, arbitrary: recentArb }, { weight: 1, arbitrary: dateArb });
  const items = fc.array(evidenceItemOf(dates), { minLength: bias === "any" ? 0 : 1, maxLength: 3 });
  return fc
    .tuple(
      ...framework.criteria.map((c) =>
        fc.option(fc.record({ criterionId: fc.constant(c.id), state: stateArb(bias), evidence: items }), {
          nil: null,
          freq: bias === "any" ? 5 : 20,
        }),
      ),
    )
    .map((xs) => xs.filter((x): x is CriterionEvidence => x !== null));
}

function stakeholderArb(bias: Bias): fc.Arbitrary<Stakeholder> {
  return fc.record({
    contactId: fc.constantFrom("a", "b", "c", "d"),
    name: fc.constant("Contact"),
    role: fc.constantFrom(...ROLES),
    lastEngagedAt: fc.option(bias === "any" ? dateArb : recentArb, { nil: null }),
    championTested: bias === "any" ? fc.boolean() : fc.constant(true),
    addedAt: dateArb,
  });
}

function committeeArb(bias: Bias): fc.Arbitrary<Stakeholder[]> {
  const any = fc.array(stakeholderArb(bias), { maxLength: 5 });
  if (bias === "any") return any;
  const core = fc.tuple(stakeholderArb(bias), stakeholderArb(bias)).map(([eb, champ]) => [
    { ...eb, role: "economic_buyer" as const },
    { ...champ, role: "champion" as const },
  ]);
  return fc.tuple(core, any).map(([c, rest]) => [...c, ...rest]);
}

function overrideArb(pipeline: Pipeline): fc.Arbitrary<GateOverride> {
  return fc.record({
    stageId: fc.constantFrom(...pipeline.stages.map((s) => s.id)),
    by: fc.constant("manager"),
    reason: fc.constant("strategic logo"),
    createdAt: dateArb,
    expiresAt: dateArb,
  });
}

export function opportunityArb(framework: Framework, pipeline: Pipeline, bias: Bias = "any"): fc.Arbitrary<OpportunitySnapshot> {
  return fc.record({
    id: fc.constant("opp"),
    stageId: fc.constantFrom(...pipeline.stages.map((s) => s.id)),
    status: fc.constantFrom("open" as const, "won" as const, "lost" as const),
    amount: fc.integer({ min: 0, max: 500_000 }),
    repConfidence: fc.option(fc.integer({ min: 0, max: 100 }), { nil: null }),
    expectedCloseDate: fc.option(dateArb, { nil: null }),
    originalCloseDate: fc.option(dateArb, { nil: null }),
    createdAt: dateArb,
    lastActivityAt: fc.option(dateArb, { nil: null }),
    criteria: criteriaArb(framework, bias),
    stakeholders: committeeArb(bias),
    overrides: fc.array(overrideArb(pipeline), { maxLength: 3 }),
  });
}
