import { beforeAll, describe, expect, it } from "vitest";
import { createAccountAction } from "../../lib/actions/accounts/create-account";
import { updateAccountAction } from "../../lib/actions/accounts/update-account";
import { createContactAction } from "../../lib/actions/contacts/create-contact";
import { eraseContactAction } from "../../lib/actions/contacts/erase-contact";
import { updateContactAction } from "../../lib/actions/contacts/update-contact";
import { createIcpVersionAction } from "../../lib/actions/icp/create-icp-version";
import { logNoteAction } from "../../lib/actions/notes/log-note";
import { advanceStageAction } from "../../lib/actions/opportunities/advance-stage";
import { createOpportunityAction } from "../../lib/actions/opportunities/create-opportunity";
import { updateOpportunityAction } from "../../lib/actions/opportunities/update-opportunity";
import { addStakeholderAction } from "../../lib/actions/qualification/add-stakeholder";
import { updateCriterionAction } from "../../lib/actions/qualification/update-criterion";
import { updateStakeholderAction } from "../../lib/actions/qualification/update-stakeholder";
import { savePipelineAction } from "../../lib/actions/settings/save-pipeline";
import { changePasswordAction } from "../../lib/actions/users/change-password";
import { changeRoleAction } from "../../lib/actions/users/change-role";
import { createUserAction } from "../../lib/actions/users/create-user";
import { db } from "../../lib/server/db";
import type { Outcome } from "./probes/action-rows";
import { buildWorld, type World } from "./probes/world";
import { asUser } from "./setup";

/**
 * Bad input over every field of every action that takes user text, numbers or dates: each value must be
 * refused with an error on that field (never a 500, never a write). Generic values are tried on every text
 * field; numbers and dates get their own. HTML is not bad input: it is kept as literal text (see the end).
 */
type Call = (input: Record<string, unknown>) => Promise<Outcome>;
interface Row {
  name: string;
  call: Call;
  base: (w: World) => Record<string, unknown>;
  /** Text fields and their maximum length; "required" ones must also refuse "". */
  text: Record<string, { max: number; required?: boolean }>;
  /** Other bad values per field (dotted paths reach into nested input). */
  bad?: Array<[string, unknown]>;
}

const NUL = "Acme\u0000Corp";
const genericBad = (max: number, required?: boolean): unknown[] => [
  ...(required ? [""] : []),
  "x".repeat(max + 1),
  NUL,
  "line\u0007bell",
  { $ne: 1 },
  ["a"],
];
const oneEvidence = (excerpt: unknown) => [{ criterionId: "metrics", state: "claimed", excerpt }];

const ROWS: Row[] = [
  {
    name: "create account",
    call: createAccountAction as Call,
    base: () => ({ name: "Bad Input Co" }),
    text: { name: { max: 200, required: true }, industry: { max: 100 }, country: { max: 100 } },
    bad: [
      ["employeeCount", "0x10"],
      ["employeeCount", 2147483648],
      ["employeeCount", "1e3"],
      ["techStack", ["x".repeat(61)]],
      ["techStack", [NUL]],
      ["hiringSignals", "a\u0000"],
      ["domain", "evil\u0000.com"],
    ],
  },
  {
    name: "update account",
    call: updateAccountAction as Call,
    base: (w) => ({ id: w.account.id, name: "Bad Input Co" }),
    text: { name: { max: 200, required: true } },
    bad: [
      ["id", "x".repeat(65)],
      ["id", NUL],
    ],
  },
  {
    name: "create contact",
    call: createContactAction as Call,
    base: (w) => ({ accountId: w.account.id, name: "Pat" }),
    text: { name: { max: 200, required: true }, title: { max: 120 } },
    bad: [
      ["email", "pat\u0000@x.com"],
      ["phone", "+1 555\u0000 0100"],
    ],
  },
  {
    name: "update contact",
    call: updateContactAction as Call,
    base: (w) => ({ id: w.contact.id, accountId: w.account.id, name: "Pat" }),
    text: { name: { max: 200, required: true } },
  },
  {
    name: "erase contact",
    call: eraseContactAction as Call,
    base: (w) => ({ contactId: w.contact.id, reason: "Request", confirm: "ERASE" }),
    text: { reason: { max: 500, required: true } },
    bad: [["confirm", "erase"]],
  },
  {
    name: "create opportunity",
    call: createOpportunityAction as Call,
    base: (w) => ({ name: "Deal", accountId: w.account.id, amount: "10" }),
    text: { name: { max: 200, required: true } },
    bad: [
      ["amount", "0x10"],
      ["amount", "1e3"],
      ["amount", "Infinity"],
      ["amount", -1],
      ["amount", "10.001"],
      ["amount", 1e12],
      ["expectedCloseDate", "0000-01-01"],
      ["expectedCloseDate", "2027-13-45"],
      ["expectedCloseDate", "9999-12-31"],
      ["repConfidence", 101],
      ["currency", "XXX"],
    ],
  },
  {
    name: "update opportunity",
    call: updateOpportunityAction as Call,
    base: (w) => ({ id: w.opportunity.id, name: "Deal", accountId: w.account.id, amount: "10", version: 1 }),
    text: { name: { max: 200, required: true } },
    bad: [
      ["version", 2147483648],
      ["version", "0x1"],
      ["version", 0],
      ["version", "one"],
      ["expectedCloseDate", "0000-01-01"],
    ],
  },
  {
    name: "advance stage",
    call: advanceStageAction as Call,
    base: (w) => ({ opportunityId: w.opportunity.id, toStage: "discovery", version: 1 }),
    text: {},
    bad: [
      ["version", 2147483648],
      ["toStage", NUL],
      ["toStage", ""],
      ["overrideExpiresOn", "2027-13-45"],
      ["overrideReason", `A long enough reason\u0000`],
    ],
  },
  {
    name: "log note",
    call: logNoteAction as Call,
    base: (w) => ({ opportunityId: w.opportunity.id, body: "Call notes" }),
    text: { body: { max: 10_000, required: true } },
    bad: [
      ["evidence", oneEvidence(NUL)],
      ["evidence", oneEvidence("x".repeat(1001))],
      ["evidence", oneEvidence("")],
      ["evidence", [{ criterionId: "metrics\u0000", state: "claimed", excerpt: "e" }]],
      ["evidence", "not-a-list"],
    ],
  },
  {
    name: "add stakeholder",
    call: addStakeholderAction as Call,
    base: (w) => ({ opportunityId: w.opportunity.id, contactId: w.contact.id, role: "user" }),
    text: {},
    bad: [
      ["role", "king"],
      ["contactId", NUL],
      ["contactId", 42],
    ],
  },
  {
    name: "update criterion",
    call: updateCriterionAction as Call,
    base: (w) => ({ opportunityId: w.opportunity.id, criterionId: "metrics", op: "reset" }),
    text: { reason: { max: 500 } },
    bad: [
      ["criterionId", NUL],
      ["op", "delete"],
    ],
  },
  {
    name: "update stakeholder",
    call: updateStakeholderAction as Call,
    base: (w) => ({ stakeholderId: w.stakeholder.id, op: "engaged" }),
    text: {},
    bad: [
      ["stakeholderId", NUL],
      ["op", "promote"],
    ],
  },
  {
    name: "save pipeline",
    call: savePipelineAction as Call,
    base: () => ({ stages: [{ id: "prospecting", label: "Prospecting", probability: 10, exit: [] }] }),
    text: {},
    bad: [
      ["stages", [{ id: "prospecting", label: NUL, probability: 10, exit: [] }]],
      ["stages", [{ id: "prospecting", label: "x".repeat(61), probability: 10, exit: [] }]],
      ["stages", [{ id: "prospecting", label: "P", probability: 101, exit: [] }]],
      ["stages", [{ id: "prospecting", label: "P", probability: "10", exit: [] }]],
    ],
  },
  {
    name: "create ICP version",
    call: createIcpVersionAction as Call,
    base: () => ({ rules: [], pursueThreshold: 50, disqualifyBelow: null, basedOnVersion: 0 }),
    text: {},
    bad: [
      ["basedOnVersion", 2147483648],
      ["pursueThreshold", 101],
      ["note", NUL],
      ["rules", [{ id: "r", label: NUL, kind: "industry_in", industries: ["SaaS"], weight: 10, knockout: false }]],
    ],
  },
  {
    name: "create user",
    call: createUserAction as Call,
    base: () => ({ name: "Jo", email: `bad-input-${Date.now()}@example.com`, role: "rep", password: "long-enough-pass" }),
    text: { name: { max: 120, required: true } },
    bad: [
      ["email", "jo\u0000@example.com"],
      ["role", "root"],
      ["password", "short"],
    ],
  },
  {
    name: "change role",
    call: changeRoleAction as Call,
    base: (w) => ({ userId: w.a.rep.id, role: "manager" }),
    text: {},
    bad: [
      ["role", "owner"],
      ["userId", NUL],
    ],
  },
  {
    name: "change password",
    call: changePasswordAction as Call,
    base: () => ({ currentPassword: "x", newPassword: "long-enough-pass", confirmPassword: "long-enough-pass" }),
    text: {},
    bad: [
      ["newPassword", "short"],
      ["confirmPassword", "different-pass"],
      ["currentPassword", ""],
    ],
  },
];

let w: World;
let cases = 0;
beforeAll(async () => {
  w = await buildWorld();
});

/** Sets a (possibly dotted) field of a copy of the input. */
function withField(input: Record<string, unknown>, field: string, value: unknown): Record<string, unknown> {
  return { ...input, [field]: value };
}

const fieldErrorsOf = (r: Outcome): Record<string, unknown> =>
  (r?.validationErrors as { fieldErrors?: Record<string, unknown> } | undefined)?.fieldErrors ?? {};
const auditCount = () => db().auditEvent.count({ where: { organizationId: { in: [w.a.org.id, w.b.org.id] } } });

describe.each(ROWS.map((row) => [row.name, row] as const))("bad input: %s", (_, row) => {
  it("refuses each bad value with an error on its field and writes nothing", async () => {
    const values: Array<[string, unknown]> = [
      ...Object.entries(row.text).flatMap(([field, spec]) => genericBad(spec.max, spec.required).map((v): [string, unknown] => [field, v])),
      ...(row.bad ?? []),
    ];
    for (const [field, value] of values) {
      const before = await auditCount();
      const result = await asUser(w.a.admin, () => row.call(withField(row.base(w), field, value)));
      cases++;
      const keys = Object.keys(fieldErrorsOf(result)).filter((k) => k === field || k.startsWith(`${field}.`));
      expect(keys.length, `${field} = ${JSON.stringify(value)} → ${JSON.stringify(result)}`).toBeGreaterThan(0);
      expect(await auditCount(), `${field} = ${JSON.stringify(value)} wrote something`).toBe(before);
    }
  });
});

describe("HTML is text, not markup", () => {
  it("is stored verbatim (React escapes it on every page)", async () => {
    const name = `<img src=x onerror=alert(1)> Co ${Date.now()}`;
    const result = await asUser(w.a.admin, () => createAccountAction({ name, techStack: [], hiringSignals: [] }));
    const stored = await db().account.findUniqueOrThrow({ where: { id: (result?.data as { id: string }).id } });
    expect(stored.name).toBe(name);
  });

  it(`covered ${ROWS.length} actions`, () => {
    expect(cases).toBeGreaterThan(ROWS.length * 2);
    console.info(`bad-input table: ${ROWS.length} actions, ${cases} bad values refused`);
  });
});
