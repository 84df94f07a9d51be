import { defaultIntakeQuestions, toLeadAnswers } from "../../lib/qualification/leads";
import type { PrismaClient } from "../../lib/server/generated/prisma/client";
import { asJson } from "../../lib/server/json";
import { leadScoreColumns } from "../../lib/server/leads/scoring";
import { loadQualificationSettings } from "../../lib/server/qualification/settings";
import { daysFrom } from "./random";

type Source = "intake_form" | "import" | "manual";
interface DemoLead {
  name: string;
  email: string;
  company: string;
  domain: string;
  industry: string | null;
  employees: number | null;
  region: string | null;
  funding: string | null;
  source: Source;
  daysAgo: number;
  answers: Record<string, string>;
  /** What happened next, beyond the engine's routing. */
  after?: "accepted" | "nurture_due" | "nurture_signal";
}

const LEADS: DemoLead[] = [
  {
    name: "Priya Raman",
    email: "priya@vantage-analytics.com",
    company: "Vantage Analytics",
    domain: "vantage-analytics.com",
    industry: "SaaS",
    employees: 850,
    region: "North America",
    funding: "Series C",
    source: "intake_form",
    daysAgo: 1,
    answers: {
      prompt: "Board asked why our dashboards disagree",
      timing: "quarter",
      involved: "CFO and Head of Data",
      budget: "approved",
      tools: "Snowflake, dbt",
      hiring: "Analytics Engineer",
    },
  },
  {
    name: "Tomás Vidal",
    email: "tomas@harborline.eu",
    company: "Harborline Freight",
    domain: "harborline.eu",
    industry: "Logistics",
    employees: 2300,
    region: "EMEA",
    funding: "Growth",
    source: "intake_form",
    daysAgo: 2,
    answers: { prompt: "Month-end close takes 10 days", timing: "half", involved: "VP Finance", budget: "planning", tools: "AWS" },
  },
  {
    name: "Grace Okafor",
    email: "grace@medisync.health",
    company: "MediSync",
    domain: "medisync.health",
    industry: "Healthcare",
    employees: 640,
    region: "North America",
    funding: "Series B",
    source: "intake_form",
    daysAgo: 3,
    answers: { prompt: "Compliance reporting is manual", timing: "quarter", budget: "approved" },
  },
  {
    name: "Lena Fischer",
    email: "lena@kleinwerk.de",
    company: "Kleinwerk",
    domain: "kleinwerk.de",
    industry: "Manufacturing",
    employees: 30,
    region: "EMEA",
    funding: "Bootstrapped",
    source: "intake_form",
    daysAgo: 2,
    answers: { prompt: "Curious about BI", timing: "researching" },
  },
  {
    name: "Marcus Lee",
    email: "marcus@brightpath.io",
    company: "Brightpath",
    domain: "brightpath.io",
    industry: "SaaS",
    employees: 320,
    region: "North America",
    funding: "Series A",
    source: "intake_form",
    daysAgo: 4,
    answers: { prompt: "Want to plan for next year", timing: "researching", budget: "none" },
  },
  {
    name: "Sofia Marino",
    email: "sofia@tessera.fi",
    company: "Tessera Pay",
    domain: "tessera.fi",
    industry: "Fintech",
    employees: 410,
    region: "EMEA",
    funding: "Series B",
    source: "import",
    daysAgo: 6,
    answers: {},
  },
  {
    name: "Daniel Kim",
    email: "daniel@northpeak.ca",
    company: "Northpeak Retail",
    domain: "northpeak.ca",
    industry: "Retail",
    employees: 5200,
    region: "North America",
    funding: "Public",
    source: "import",
    daysAgo: 6,
    answers: {},
  },
  {
    name: "Ava Thompson",
    email: "ava@solace.app",
    company: "Solace Apps",
    domain: "solace.app",
    industry: "SaaS",
    employees: 75,
    region: "APAC",
    funding: "Seed",
    source: "manual",
    daysAgo: 5,
    answers: { prompt: "Investor reporting", timing: "year" },
  },
  {
    name: "Omar Haddad",
    email: "omar@cirrusgrid.com",
    company: "CirrusGrid",
    domain: "cirrusgrid.com",
    industry: "Energy",
    employees: 1800,
    region: "EMEA",
    funding: "Growth",
    source: "intake_form",
    daysAgo: 30,
    answers: { prompt: "Grid data in spreadsheets", timing: "quarter", budget: "approved" },
    after: "accepted",
  },
  {
    name: "Hannah Berg",
    email: "hannah@fjordbank.no",
    company: "Fjord Bank",
    domain: "fjordbank.no",
    industry: "Fintech",
    employees: 2600,
    region: "EMEA",
    funding: "Public",
    source: "import",
    daysAgo: 40,
    answers: {},
    after: "accepted",
  },
  {
    name: "Jin Park",
    email: "jin@latticelearning.org",
    company: "Lattice Learning",
    domain: "latticelearning.org",
    industry: "Education",
    employees: 90,
    region: "North America",
    funding: "Pre-seed",
    source: "intake_form",
    daysAgo: 120,
    answers: { prompt: "Enrollment analytics", timing: "researching" },
    after: "nurture_signal",
  },
  {
    name: "Rosa Alvarez",
    email: "rosa@verdant.co",
    company: "Verdant Foods",
    domain: "verdant.co",
    industry: "Retail",
    employees: 700,
    region: "LATAM",
    funding: "Series A",
    source: "intake_form",
    daysAgo: 100,
    answers: { prompt: "Store margins", timing: "researching" },
    after: "nurture_due",
  },
];

const pad = (i: number) => String(i + 1).padStart(2, "0");

/** Demo leads for Lumen (fixed ids, scored by the engine as a real submission would be), its form, and two parked deals. */
export async function seedLeads(prisma: PrismaClient, now: Date, organizationId: string): Promise<number> {
  const settings = await loadQualificationSettings(prisma, organizationId, null);
  const questions = defaultIntakeQuestions(settings.framework);
  await prisma.intakeForm.createMany({
    data: [
      {
        id: "seed_form_lumen",
        organizationId,
        title: "Talk to Lumen's team",
        intro: "Tell us about your data and reporting; we reply within one business day.",
        fields: ["title", "domain", "employeeCount", "industry", "region"],
        questions: asJson(questions),
        routing: { mode: "round_robin" },
        roundRobinCursor: LEADS.length,
      },
    ],
    skipDuplicates: true,
  });
  const reps = ["seed_user_rep", "seed_user_rep2"];
  const rows = LEADS.map((l, i) => {
    const at = daysFrom(now, -l.daysAgo);
    const fields = {
      name: l.name,
      email: l.email,
      title: null,
      phone: null,
      companyName: l.company,
      domain: l.domain,
      industry: l.industry,
      employeeCount: l.employees,
      country: null,
      region: l.region,
      fundingStage: l.funding,
      techStack: [],
      hiringSignals: [],
    };
    const { columns, status } = leadScoreColumns(fields, toLeadAnswers(questions, l.answers), settings, at);
    const parked = l.after === "nurture_due" || l.after === "nurture_signal";
    return {
      id: `seed_lead_${pad(i)}`,
      organizationId,
      source: l.source,
      ...fields,
      ...columns,
      answers: asJson(toLeadAnswers(questions, l.answers)),
      status: l.after === "accepted" ? ("accepted" as const) : parked ? ("nurturing" as const) : status,
      ownerId: status === "disqualified" && !l.after ? null : (reps[i % 2] ?? "seed_user_rep"),
      routedBy: "round_robin",
      createdAt: at,
      scoredAt: at,
      ...(l.after === "accepted" && { convertedAt: daysFrom(at, 2), opportunityId: `seed_opp_${pad(i)}` }),
      ...(parked && {
        resumeOn: l.after === "nurture_due" ? daysFrom(now, -1) : daysFrom(now, 60),
        watchFor: l.after === "nurture_signal" ? "A funding round or hiring in data" : "A budget for next year",
        watchedSignals: { fundingStage: l.funding, hiringSignals: [] },
      }),
    };
  });
  const { count } = await prisma.lead.createMany({ data: rows, skipDuplicates: true });
  // Two parked deals: one whose resume date has passed, one watching its account's signals.
  await prisma.opportunity.updateMany({
    where: { id: "seed_opp_09", organizationId, status: "open", resumeOn: null },
    data: { resumeOn: daysFrom(now, -3), watchFor: "A decision process with dates" },
  });
  return count;
}
