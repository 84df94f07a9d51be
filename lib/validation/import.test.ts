import { describe, expect, it } from "vitest";
import { guessMapping } from "./import";
import { intakeFormSchema } from "./lead";
import { defaultIntakeQuestions } from "../qualification/leads";
import { FRAMEWORKS } from "../qualification";

describe("guessMapping", () => {
  it.each([
    [
      "leads",
      ["Full name", "Work Email", "Company", "Website", "Head count", "criterion:budget"],
      { name: 0, email: 1, companyName: 2, domain: 3, "criterion:budget": 5 },
    ],
    ["accounts", ["Company", "Domain", "Employees", "Sector"], { name: 0, domain: 1, employeeCount: 2, industry: 3 }],
    ["contacts", ["Name", "E-mail", "Account Domain"], { name: 0, email: 1, accountDomain: 2 }],
  ] as const)("%s: %j", (kind, headers, expected) => {
    expect(guessMapping(kind, [...headers])).toMatchObject(expected);
  });

  it("uses each column once", () => {
    const mapping = guessMapping("leads", ["company"]);
    expect(Object.values(mapping).filter((v) => v === 0)).toHaveLength(1);
  });
});

describe("intake form schema", () => {
  const base = { enabled: true, title: "T", intro: null, fields: [], routing: { mode: "round_robin" }, duplicateWindowDays: 30 };
  it("accepts the default questions", () => {
    expect(intakeFormSchema.safeParse({ ...base, questions: defaultIntakeQuestions(FRAMEWORKS.meddpicc) }).success).toBe(true);
  });
  it.each([
    [
      "more than eight questions",
      Array.from({ length: 9 }, (_, i) => ({ id: `q${i}`, label: "Q", required: false, target: { kind: "none" }, answer: { kind: "text" } })),
    ],
    [
      "duplicate ids",
      [
        { id: "a", label: "Q", required: false, target: { kind: "none" }, answer: { kind: "text" } },
        { id: "a", label: "R", required: false, target: { kind: "none" }, answer: { kind: "text" } },
      ],
    ],
    [
      "a choice with one option",
      [{ id: "a", label: "Q", required: false, target: { kind: "none" }, answer: { kind: "choice", options: [{ value: "x", label: "X" }] } }],
    ],
  ])("refuses %s", (_, questions) => {
    expect(intakeFormSchema.safeParse({ ...base, questions }).success).toBe(false);
  });
});
