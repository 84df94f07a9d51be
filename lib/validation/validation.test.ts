import { describe, expect, it } from "vitest";
import { createAccountSchema } from "./account";
import { createContactSchema } from "./contact";
import { listParamsSchema } from "./list-params";
import { logNoteSchema } from "./note";
import { createOpportunitySchema, updateOpportunitySchema } from "./opportunity";
import { advanceStageSchema, gateRequirementsSchema, icpRulesSchema } from "./qualification";

const messages = (result: { success: boolean; error?: { issues: Array<{ path: PropertyKey[]; message: string }> } }) =>
  Object.fromEntries((result.error?.issues ?? []).map((i) => [i.path.join("."), i.message]));

describe("account input", () => {
  it("normalises what people type", () => {
    const parsed = createAccountSchema.parse({
      name: "  Quantia ",
      domain: "HTTPS://Quantia.io/pricing",
      employeeCount: "240",
      region: "",
      techStack: "dbt, Snowflake , DBT,",
      hiringSignals: "",
    });
    expect(parsed).toMatchObject({
      name: "Quantia",
      domain: "quantia.io",
      employeeCount: 240,
      region: null,
      techStack: ["dbt", "Snowflake"],
      hiringSignals: [],
      industry: null,
    });
  });

  it.each([
    [{ name: "" }, "name", "Name is required."],
    [{ name: "x", domain: "localhost" }, "domain", "Enter a domain like example.com."],
    [{ name: "x", employeeCount: "12.5" }, "employeeCount", "Employee count must be a whole number."],
    [{ name: "x", employeeCount: "many" }, "employeeCount", "Employee count must be a number."],
    [{ name: "x", fundingStage: "Series Z" }, "fundingStage", "Choose a funding stage from the list."],
    [{ name: "x".repeat(201) }, "name", "Name is too long (max 200 characters)."],
  ])("rejects %j with a message on %s", (input, field, message) => {
    expect(messages(createAccountSchema.safeParse(input))[field]).toBe(message);
  });
});

describe("opportunity input", () => {
  const base = { name: "Deal", accountId: "acc_1" };
  it.each([
    ["", "Amount is required."],
    ["abc", "Amount must be a number."],
    ["-1", "Amount cannot be negative."],
    ["1.005", "Amount can have at most two decimals."],
    ["2000000000", "Amount must be at most 1,000,000,000."],
  ])("amount %j → %s", (amount, message) => {
    expect(messages(createOpportunitySchema.safeParse({ ...base, amount })).amount).toBe(message);
  });

  it("parses dates as UTC days and rejects impossible ones", () => {
    expect(createOpportunitySchema.parse({ ...base, amount: "10", expectedCloseDate: "2027-02-28" }).expectedCloseDate?.toISOString()).toBe(
      "2027-02-28T00:00:00.000Z",
    );
    expect(messages(createOpportunitySchema.safeParse({ ...base, amount: "10", expectedCloseDate: "28/02/2027" })).expectedCloseDate).toMatch(
      /YYYY-MM-DD/,
    );
    expect(messages(createOpportunitySchema.safeParse({ ...base, amount: "10", expectedCloseDate: "2027-02-30" })).expectedCloseDate).toBe(
      "Expected close date is not a real date.",
    );
  });

  it("requires the version the form was loaded with", () => {
    expect(messages(updateOpportunitySchema.safeParse({ ...base, amount: "1", id: "o1" })).version).toBeDefined();
  });
});

describe("other inputs", () => {
  it("contact phone and email", () => {
    const bad = messages(createContactSchema.safeParse({ accountId: "a", name: "Pat", email: "pat@", phone: "call me" }));
    expect(bad).toMatchObject({ email: "Enter a valid email address.", phone: "Enter a phone number like +1 415 555 0100." });
  });

  it("a note needs a body and a home; evidence only on deals", () => {
    expect(messages(logNoteSchema.safeParse({ body: "x" })).body).toBe("A note belongs to an opportunity or an account.");
    expect(
      messages(logNoteSchema.safeParse({ accountId: "a", body: "x", evidence: [{ criterionId: "metrics", state: "claimed", excerpt: "e" }] }))
        .evidence,
    ).toBe("Evidence belongs to an opportunity.");
    expect(
      messages(logNoteSchema.safeParse({ opportunityId: "o", body: "x", evidence: [{ criterionId: "", state: "maybe", excerpt: " " }] })),
    ).toMatchObject({
      "evidence.0.criterionId": "Pick a criterion.",
      "evidence.0.state": "Pick claimed, verified or negative.",
      "evidence.0.excerpt": "Quote or summarise what backs this criterion.",
    });
  });

  it("an override needs both a reason and an expiry", () => {
    const base = { opportunityId: "o", toStage: "solution", version: "1" };
    expect(advanceStageSchema.safeParse(base).success).toBe(true);
    expect(messages(advanceStageSchema.safeParse({ ...base, overrideReason: "A good long reason" })).overrideExpiresOn).toBe(
      "Pick the date the override expires.",
    );
    expect(messages(advanceStageSchema.safeParse({ ...base, overrideExpiresOn: "2030-01-01" })).overrideReason).toBe("Explain the exception.");
    expect(advanceStageSchema.parse({ ...base, overrideReason: "  ", overrideExpiresOn: "" })).not.toHaveProperty(
      "overrideReason",
      expect.anything(),
    );
  });

  it("list state from the URL falls back to defaults instead of failing", () => {
    const schema = listParamsSchema(["name", "createdAt"], "name");
    expect(schema.parse({ sort: "'; DROP TABLE", dir: "up", after: "not a cursor!", q: 42 })).toEqual({
      q: "",
      sort: "name",
      dir: "asc",
      after: undefined,
      before: undefined,
    });
    expect(schema.parse({ after: "eyJzIjoibmFtZSJ9" }).after).toBe("eyJzIjoibmFtZSJ9");
  });

  it("stored gate and ICP JSON must match the engine's shapes", () => {
    expect(
      gateRequirementsSchema.safeParse([
        { kind: "min_fit", score: 50 },
        { kind: "stakeholder", role: "champion" },
      ]).success,
    ).toBe(true);
    expect(gateRequirementsSchema.safeParse([{ kind: "min_fit", score: 150 }]).success).toBe(false);
    expect(gateRequirementsSchema.safeParse([{ kind: "teleport" }]).success).toBe(false);
    expect(icpRulesSchema.safeParse([{ id: "i", label: "Industry", kind: "industry_in", industries: [], weight: 10, knockout: false }]).success).toBe(
      false,
    );
  });
});
