import { beforeEach, describe, expect, it } from "vitest";
import { eraseContactAction } from "../../lib/actions/contacts/erase-contact";
import { logNoteAction } from "../../lib/actions/notes/log-note";
import { advanceStageAction } from "../../lib/actions/opportunities/advance-stage";
import { createOpportunityAction } from "../../lib/actions/opportunities/create-opportunity";
import { updateOpportunityAction } from "../../lib/actions/opportunities/update-opportunity";
import { savePipelineAction } from "../../lib/actions/settings/save-pipeline";
import { createUserAction } from "../../lib/actions/users/create-user";
import { db } from "../../lib/server/db";
import { auditRows, createAccountFor, createContactFor, createOpportunityFor, createTenant, type Tenant } from "../fixtures/tenants";
import { actAs, asUser } from "./setup";

/** The probe's findings, each as it was reported, through the real actions. */
let t: Tenant;
beforeEach(async () => {
  t = await createTenant("Find");
});

describe("bad input is refused at the boundary, on its field, with nothing written", () => {
  it("the reported values: NUL, year 0000, int4 overflow, hex amount, an impossible override date", async () => {
    const account = await createAccountFor(t.rep);
    const opp = await createOpportunityFor(t.rep, account.id, { stage: "discovery" });
    actAs(t.manager);
    const cases: Array<[string, Promise<unknown>]> = [
      ["name", createOpportunityAction({ name: "Deal\u0000", accountId: account.id, amount: "10" })],
      ["expectedCloseDate", createOpportunityAction({ name: "Deal", accountId: account.id, amount: "10", expectedCloseDate: "0000-01-01" })],
      ["version", updateOpportunityAction({ id: opp.id, name: "Deal", accountId: account.id, amount: "10", version: 2147483648 })],
      ["amount", createOpportunityAction({ name: "Deal", accountId: account.id, amount: "0x10" })],
      [
        "overrideExpiresOn",
        advanceStageAction({
          opportunityId: opp.id,
          toStage: "solution",
          version: 1,
          overrideReason: "Exec sponsor signed off",
          overrideExpiresOn: "2027-13-45",
        }),
      ],
      ["body", logNoteAction({ opportunityId: opp.id, body: "hello\u0000" })],
    ];
    for (const [field, pending] of cases) {
      const result = (await pending) as { validationErrors?: { fieldErrors: Record<string, string[]> } };
      expect(result.validationErrors?.fieldErrors[field]?.length, field).toBeGreaterThan(0);
    }
    expect(await db().opportunity.count({ where: { accountId: account.id } })).toBe(1);
    expect(await db().note.count({ where: { opportunityId: opp.id } })).toBe(0);
  });

  it("a tech-stack entry over 60 characters is an error on techStack (the form shows it there)", async () => {
    const { createAccountAction } = await import("../../lib/actions/accounts/create-account");
    actAs(t.rep);
    const result = await createAccountAction({ name: "Stacked", techStack: `dbt, ${"x".repeat(61)}`, hiringSignals: "" });
    expect(result?.validationErrors?.fieldErrors).toMatchObject({ "techStack.1": ["Each tech stack entry must be at most 60 characters."] });
  });
});

describe("the pipeline editor says what is wrong with a wrong stage list", () => {
  it.each([
    [["prospecting", "nope"], /"nope" is not a stage/],
    [["discovery", "prospecting"], /missing|reordered/],
    [["prospecting"], /Every stage must be listed; missing/],
  ])("%j → %s", async (ids, message) => {
    actAs(t.manager);
    const stages = ids.map((id) => ({ id, label: id, probability: 10, exit: [] }));
    const result = await savePipelineAction({ stages });
    expect(result?.serverError?.code).toBe("INVALID");
    expect(result?.serverError?.message).toMatch(message);
    expect(result?.serverError?.message).not.toMatch(/Someone else/);
  });
});

describe("creating a user whose email exists elsewhere", () => {
  it("does not reveal that the email belongs to another organization", async () => {
    const other = await createTenant("Elsewhere");
    actAs(t.admin);
    const elsewhere = await createUserAction({ name: "X", email: other.rep.email, role: "rep", password: "long-enough-pass" });
    const colleague = await createUserAction({ name: "X", email: t.rep.email, role: "rep", password: "long-enough-pass" });
    expect(elsewhere?.serverError?.message).toBe("This email address cannot be used. Ask the person for another address.");
    expect(colleague?.serverError?.message).toBe("This person is already a user in your organization.");
  });
});

describe("the timeline follows commit order", () => {
  it("parallel notes moving one criterion leave a history whose every step starts where the previous ended", async () => {
    const opp = await createOpportunityFor(t.rep, (await createAccountFor(t.rep)).id);
    const states = ["claimed", "negative", "claimed", "negative", "claimed", "negative", "claimed", "negative"] as const;
    await Promise.all(
      states.map((state, i) =>
        asUser(t.rep, () => logNoteAction({ opportunityId: opp.id, body: `n${i}`, evidence: [{ criterionId: "metrics", state, excerpt: `e${i}` }] })),
      ),
    );
    const history = await db().criterionChange.findMany({ where: { opportunityId: opp.id, criterionId: "metrics" }, orderBy: { at: "asc" } });
    expect(history.length).toBeGreaterThan(0);
    history.forEach((change, i) => expect(change.fromState).toBe(i === 0 ? "unknown" : history[i - 1]?.toState));
    const final = await db().criterionState.findFirstOrThrow({ where: { opportunityId: opp.id, criterionId: "metrics" } });
    expect(history.at(-1)?.toState).toBe(final.state);
  });
});

describe("erasing a contact", () => {
  it("replaces their details, de-identifies what they said, keeps the audit, and is refused to non-admins", async () => {
    const account = await createAccountFor(t.rep);
    const opp = await createOpportunityFor(t.rep, account.id);
    const contact = await db().contact.update({
      where: { id: (await createContactFor(t.rep, account.id, "Dana Whitfield")).id },
      data: { email: "dana@buyer.example", phone: "+1 415 555 0100" },
    });
    actAs(t.rep);
    await logNoteAction({
      opportunityId: opp.id,
      body: "Dana Whitfield (dana@buyer.example) owns the budget.",
      evidence: [{ criterionId: "economic_buyer", state: "claimed", excerpt: "Dana Whitfield signs off", contactId: contact.id }],
    });
    for (const who of [t.rep, t.manager, t.marketing]) {
      actAs(who);
      expect((await eraseContactAction({ contactId: contact.id, reason: "Request", confirm: "ERASE" }))?.serverError?.code).toBe("FORBIDDEN");
    }
    actAs(t.admin);
    expect(
      (await eraseContactAction({ contactId: contact.id, reason: "Request", confirm: "nope" as "ERASE" }))?.validationErrors?.fieldErrors.confirm,
    ).toBeDefined();
    expect((await eraseContactAction({ contactId: contact.id, reason: "Erasure request by email", confirm: "ERASE" }))?.data?.id).toBe(contact.id);
    expect(await db().contact.findUniqueOrThrow({ where: { id: contact.id } })).toMatchObject({
      name: "Erased contact",
      email: null,
      phone: null,
      title: null,
    });
    const evidence = await db().evidence.findMany({ where: { opportunityId: opp.id } });
    expect(evidence).toHaveLength(1);
    expect(evidence[0]).toMatchObject({ excerpt: "[erased] signs off", contactId: null });
    const note = await db().note.findFirstOrThrow({ where: { opportunityId: opp.id } });
    expect(note.body).toBe("[erased] ([erased]) owns the budget.");
    const audit = await auditRows(contact.id);
    expect(audit.map((a) => a.action)).toContain("erase");
    expect(JSON.stringify(audit.find((a) => a.action === "erase"))).not.toMatch(/Dana|dana@|555/);
  });
});
