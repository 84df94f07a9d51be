import { describe, expect, it } from "vitest";
import { FRAMEWORKS } from "../frameworks";
import { account, NOW, SAAS_ICP } from "../testing/fixtures";
import {
  defaultIntakeQuestions,
  dueForAnotherLook,
  describeCause,
  findDuplicate,
  fitBand,
  routeLead,
  scoreLead,
  toLeadAnswers,
  type ExistingLead,
  type RoutingConfig,
} from ".";

const framework = FRAMEWORKS.meddpicc;
const questions = defaultIntakeQuestions(framework);
const day = 86_400_000;

describe("default intake questions", () => {
  it.each([
    ["meddpicc", { prompt: "identify_pain", timing: "paper_process", involved: "economic_buyer", budget: "metrics" }],
    ["bant", { prompt: "need", timing: "timeline", involved: "authority", budget: "budget" }],
    ["spiced", { prompt: "pain", timing: "critical_event", involved: "decision", budget: "impact" }],
  ] as const)("map to %s criteria", (key, expected) => {
    const mapped = Object.fromEntries(
      defaultIntakeQuestions(FRAMEWORKS[key]).flatMap((q) => (q.target.kind === "criterion" ? [[q.id, q.target.criterionId]] : [])),
    );
    expect(mapped).toEqual(expected);
  });
});

describe("scoreLead from answers", () => {
  const cases: {
    name: string;
    raw: Record<string, string>;
    company: Partial<ReturnType<typeof account>>;
    verdict: string;
    claimed: string[];
    negative: string[];
  }[] = [
    {
      name: "good fit, urgent, budget approved",
      raw: { prompt: "Forecast misses", timing: "quarter", budget: "approved", involved: "CFO" },
      company: {},
      verdict: "pursue",
      claimed: ["economic_buyer", "identify_pain", "metrics", "paper_process"],
      negative: [],
    },
    {
      name: "good fit but just researching",
      raw: { prompt: "Curious", timing: "researching" },
      company: {},
      verdict: "nurture",
      claimed: ["identify_pain"],
      negative: ["paper_process"],
    },
    {
      name: "knockout size miss",
      raw: { prompt: "Growth", timing: "quarter" },
      company: { employeeCount: 5 },
      verdict: "disqualify",
      claimed: ["identify_pain", "paper_process"],
      negative: [],
    },
    { name: "unknown answers add nothing", raw: { timing: "year", budget: "planning" }, company: {}, verdict: "pursue", claimed: [], negative: [] },
    {
      name: "no budget is a not-yet",
      raw: { prompt: "Pipeline", timing: "half", budget: "none" },
      company: {},
      verdict: "nurture",
      claimed: ["identify_pain", "paper_process"],
      negative: ["metrics"],
    },
  ];
  it.each(cases)("$name → $verdict", ({ raw, company, verdict, claimed, negative }) => {
    const answers = toLeadAnswers(questions, raw);
    const score = scoreLead({ company: account(company), answers, framework, icp: SAAS_ICP, now: NOW });
    expect(score.verdict.verdict).toBe(verdict);
    expect(
      score.criteria
        .filter((c) => c.state === "claimed")
        .map((c) => c.criterionId)
        .sort(),
    ).toEqual(claimed);
    expect(
      score.criteria
        .filter((c) => c.state === "negative")
        .map((c) => c.criterionId)
        .sort(),
    ).toEqual(negative);
  });

  it("intent grows with each claimed answer", () => {
    const none = scoreLead({ company: account(), answers: [], framework, icp: SAAS_ICP, now: NOW });
    const some = scoreLead({
      company: account(),
      answers: toLeadAnswers(questions, { prompt: "x", timing: "quarter" }),
      framework,
      icp: SAAS_ICP,
      now: NOW,
    });
    expect(none.intent.score).toBe(0);
    expect(some.intent.score).toBeGreaterThan(0);
  });

  it("attribute answers fill empty company fields only", () => {
    const answers = toLeadAnswers(questions, { tools: "HubSpot, Gong", hiring: "SDR" });
    const empty = scoreLead({ company: account({ techStack: [], hiringSignals: [] }), answers, framework, icp: SAAS_ICP, now: NOW });
    expect(empty.profile.techStack).toEqual(["HubSpot", "Gong"]);
    expect(empty.profile.hiringSignals).toEqual(["SDR"]);
    const given = scoreLead({ company: account({ techStack: ["Pipedrive"] }), answers, framework, icp: SAAS_ICP, now: NOW });
    expect(given.profile.techStack).toEqual(["Pipedrive"]);
  });

  it("ignores unknown choice values and criteria the framework lacks", () => {
    const answers = toLeadAnswers(questions, { timing: "tomorrow" });
    expect(answers).toEqual([]);
    const bant = scoreLead({
      company: account(),
      answers: [{ questionId: "x", question: "q", answer: "a", criterionId: "economic_buyer" }],
      framework: FRAMEWORKS.bant,
      icp: SAAS_ICP,
      now: NOW,
    });
    expect(bant.criteria).toEqual([]);
  });
});

describe("findDuplicate", () => {
  const existing: ExistingLead[] = [
    { id: "old", email: "ana@acme.io", domain: "acme.io", createdAt: new Date(NOW.getTime() - 40 * day), open: true },
    { id: "recent", email: "bo@beta.io", domain: "beta.io", createdAt: new Date(NOW.getTime() - 2 * day), open: true },
    { id: "gmail", email: "cy@gmail.com", domain: null, createdAt: new Date(NOW.getTime() - 1 * day), open: true },
    { id: "closed", email: "di@delta.io", domain: "delta.io", createdAt: new Date(NOW.getTime() - 1 * day), open: false },
  ];
  it.each([
    ["same email", { email: "BO@beta.io", domain: null }, { leadId: "recent", by: "email" }],
    ["same company domain", { email: "eve@beta.io", domain: null }, { leadId: "recent", by: "domain" }],
    ["given domain", { email: null, domain: "Beta.io" }, { leadId: "recent", by: "domain" }],
    ["outside the window", { email: "ana@acme.io", domain: null }, null],
    ["freemail never matches by domain", { email: "zed@gmail.com", domain: null }, null],
    ["decided leads stay apart", { email: "di@delta.io", domain: null }, null],
    ["nothing to compare", { email: null, domain: null }, null],
  ] as const)("%s", (_, candidate, expected) => {
    expect(findDuplicate(candidate, existing, 30, NOW)).toEqual(expected);
  });
});

describe("routeLead", () => {
  const rules: RoutingConfig = {
    mode: "rules",
    rules: [
      { region: "EMEA", minEmployees: 1000, ownerId: "ent" },
      { region: "APAC", ownerId: "apac" },
      { region: "LATAM", ownerId: "gone" },
    ],
  };
  it.each([
    ["round robin, first", { mode: "round_robin" }, { region: null, employeeCount: null }, 0, "a", "round_robin"],
    ["round robin wraps", { mode: "round_robin" }, { region: null, employeeCount: null }, 4, "b", "round_robin"],
    ["rule by region and size", rules, { region: "emea", employeeCount: 5000 }, 0, "ent", "rule"],
    ["size below the rule falls back", rules, { region: "EMEA", employeeCount: 50 }, 2, "c", "round_robin"],
    ["unknown size never matches a size rule", rules, { region: "EMEA", employeeCount: null }, 0, "a", "round_robin"],
    ["region rule", rules, { region: "APAC", employeeCount: 10 }, 0, "apac", "rule"],
    ["rule for a user who is no rep is skipped", rules, { region: "LATAM", employeeCount: 10 }, 1, "b", "round_robin"],
  ] as const)("%s", (_, config, lead, cursor, owner, by) => {
    const reps = config.mode === "rules" ? ["a", "b", "c", "ent", "apac"] : ["a", "b", "c"];
    const result = routeLead({ lead, config, reps, cursor });
    expect(result.ownerId).toBe(owner);
    expect(result.by).toBe(by);
  });
  it("no reps: unassigned", () => {
    expect(routeLead({ lead: { region: null, employeeCount: null }, config: { mode: "round_robin" }, reps: [], cursor: 3 })).toEqual({
      ownerId: null,
      by: "unassigned",
      usedCursor: false,
    });
  });
});

describe("dueForAnotherLook", () => {
  const watched = { fundingStage: "Seed", hiringSignals: ["SDR"] };
  it.each([
    ["date not yet", { resumeOn: new Date(NOW.getTime() + day), watched, current: watched }, null],
    ["date arrived", { resumeOn: new Date(NOW.getTime() - day), watched, current: watched }, "resume_date"],
    ["funding changed", { resumeOn: new Date(NOW.getTime() + day), watched, current: { ...watched, fundingStage: "Series A" } }, "signal"],
    ["new hiring signal", { resumeOn: null, watched, current: { ...watched, hiringSignals: ["sdr", "AE"] } }, "signal"],
    ["case-only change is no change", { resumeOn: null, watched, current: { ...watched, hiringSignals: ["sdr"] } }, null],
    ["no account known", { resumeOn: null, watched, current: null }, null],
  ] as [string, Omit<Parameters<typeof dueForAnotherLook>[0], "now">, string | null][])("%s", (_, input, kind) => {
    expect(dueForAnotherLook({ ...input, now: NOW })?.kind ?? null).toBe(kind);
  });
  it("says why", () => {
    const cause = dueForAnotherLook({ resumeOn: null, watched, current: { fundingStage: "Series A", hiringSignals: ["SDR", "AE"] }, now: NOW });
    expect(cause && describeCause(cause)).toBe("Watched signal changed: funding stage Seed → Series A; now hiring: AE");
  });
  it("says the date that arrived as people write it, not as an ISO string", () => {
    const cause = dueForAnotherLook({
      resumeOn: new Date("2026-11-29T00:00:00Z"),
      watched: null,
      current: null,
      now: new Date("2026-12-02T09:00:00Z"),
    });
    expect(cause && describeCause(cause)).toBe("Resume date Nov 29, 2026 arrived");
  });
});

describe("fitBand", () => {
  it.each([
    [0, "0–39"],
    [39, "0–39"],
    [40, "40–59"],
    [79, "60–79"],
    [80, "80–100"],
    [100, "80–100"],
  ] as const)("%i → %s", (fit, band) => {
    expect(fitBand(fit)).toBe(band);
  });
});
