import { beforeEach, describe, expect, it } from "vitest";
import { logNoteAction } from "../../lib/actions/notes/log-note";
import { addStakeholderAction } from "../../lib/actions/qualification/add-stakeholder";
import { updateCriterionAction } from "../../lib/actions/qualification/update-criterion";
import { updateStakeholderAction } from "../../lib/actions/qualification/update-stakeholder";
import { db } from "../../lib/server/db";
import { stateAfter } from "../../lib/server/qualification/evidence";
import {
  auditRows,
  createAccountFor,
  createContactFor,
  createOpportunityFor,
  createTenant,
  qualificationRows,
  type Tenant,
} from "../fixtures/tenants";
import { actAs } from "./setup";

let t: Tenant;
let accountId: string;
let contactId: string;
let oppId: string;

beforeEach(async () => {
  t = await createTenant("Evidence");
  accountId = (await createAccountFor(t.rep)).id;
  contactId = (await createContactFor(t.rep, accountId)).id;
  oppId = (await createOpportunityFor(t.rep, accountId, { stage: "discovery" })).id;
});

const DOC = "https://drive.example/business-case.pdf";
const today = () => new Date().toISOString().slice(0, 10);

const note = (
  evidence: Array<{ criterionId: string; state: "claimed" | "verified" | "negative"; excerpt?: string; contactId?: string; documentRef?: string }>,
) => ({
  opportunityId: oppId,
  body: "Call notes",
  evidence: evidence.map((e) => ({ excerpt: "They said so", contactId: "", ...e })),
});

describe("evidence from discovery notes", () => {
  it("records evidence, moves the criterion state with history, marks the speaker engaged, and snapshots scores", async () => {
    actAs(t.rep);
    await addStakeholderAction({ opportunityId: oppId, contactId, role: "champion" });
    const result = await logNoteAction(
      note([
        { criterionId: "champion", state: "claimed", contactId },
        { criterionId: "metrics", state: "verified", documentRef: DOC },
      ]),
    );
    expect(result?.data?.id).toBeTruthy();
    const states = await db().criterionState.findMany({ where: { opportunityId: oppId }, orderBy: { criterionId: "asc" } });
    expect(states.map((s) => [s.criterionId, s.state])).toEqual([
      ["champion", "claimed"],
      ["metrics", "verified"],
    ]);
    const evidence = await db().evidence.findMany({ where: { opportunityId: oppId }, orderBy: { criterionId: "asc" } });
    expect(evidence[0]).toMatchObject({ noteId: result?.data?.id, contactId, verifiedById: null, basis: "contact_statement" });
    expect(evidence[1]).toMatchObject({ verifiedById: t.rep.id, basis: "document", documentRef: DOC });
    expect(await db().criterionChange.count({ where: { opportunityId: oppId } })).toBe(2);
    const champion = await db().stakeholder.findFirstOrThrow({ where: { opportunityId: oppId } });
    expect(champion.lastEngagedAt).not.toBeNull();
    const last = await db().scoreSnapshot.findFirstOrThrow({ where: { opportunityId: oppId }, orderBy: { at: "desc" } });
    expect(last.intent).toBeGreaterThan(0);
    expect(last.trigger).toBe("evidence");
  });

  it("keeps a verification when a later note merely claims the same thing, but records a 'no'", async () => {
    expect(stateAfter("verified", "claimed")).toBe("verified");
    expect(stateAfter("verified", "negative")).toBe("negative");
    expect(stateAfter("unknown", "claimed")).toBe("claimed");
    actAs(t.rep);
    await logNoteAction(note([{ criterionId: "metrics", state: "verified", documentRef: DOC }]));
    await logNoteAction(note([{ criterionId: "metrics", state: "claimed" }]));
    expect((await db().criterionState.findFirstOrThrow({ where: { opportunityId: oppId, criterionId: "metrics" } })).state).toBe("verified");
    expect(await db().criterionChange.count({ where: { opportunityId: oppId } })).toBe(1);
  });

  it("refuses a criterion outside the framework and a contact from another account, writing nothing at all", async () => {
    const otherAccount = await createAccountFor(t.rep, { name: "Elsewhere" });
    const stranger = await createContactFor(t.rep, otherAccount.id, "Stranger");
    const before = await qualificationRows(oppId);
    const notes = await db().note.count({ where: { opportunityId: oppId } });
    actAs(t.rep);
    const bad = await logNoteAction(note([{ criterionId: "budget", state: "claimed" }]));
    expect(bad?.serverError).toMatchObject({
      code: "INVALID",
      details: { fieldErrors: { "evidence.0.criterionId": ["Pick a criterion of your framework."] } },
    });
    const wrongContact = await logNoteAction(note([{ criterionId: "metrics", state: "claimed", contactId: stranger.id }]));
    expect(wrongContact?.serverError?.code).toBe("INVALID");
    expect(await qualificationRows(oppId)).toEqual(before);
    expect(await db().note.count({ where: { opportunityId: oppId } })).toBe(notes);
  });

  it("lets anyone in the org log a plain note, but only the owner or a manager record evidence", async () => {
    actAs(t.otherRep);
    expect((await logNoteAction({ opportunityId: oppId, body: "Saw them at a conference" }))?.data?.id).toBeTruthy();
    expect((await logNoteAction(note([{ criterionId: "metrics", state: "claimed" }])))?.serverError?.code).toBe("FORBIDDEN");
    actAs(t.manager);
    expect((await logNoteAction(note([{ criterionId: "metrics", state: "claimed" }])))?.data?.id).toBeTruthy();
  });
});

describe("verifying and resetting criteria", () => {
  it("verifies a claim with the economic buyer's word (a new evidence row with its basis), resets to unknown, each with history and audit", async () => {
    actAs(t.rep);
    await addStakeholderAction({ opportunityId: oppId, contactId, role: "economic_buyer" });
    await logNoteAction(note([{ criterionId: "economic_buyer", state: "claimed" }]));
    actAs(t.manager);
    expect(
      (
        await updateCriterionAction({
          opportunityId: oppId,
          criterionId: "economic_buyer",
          op: "verify",
          contactId,
          excerpt: "I sign off on this budget",
        })
      )?.data?.id,
    ).toBe(oppId);
    const verified = await db().evidence.findFirstOrThrow({ where: { opportunityId: oppId, state: "verified" } });
    expect(verified).toMatchObject({ verifiedById: t.manager.id, contactId, basis: "contact_statement", excerpt: "I sign off on this budget" });
    await updateCriterionAction({ opportunityId: oppId, criterionId: "economic_buyer", op: "reset", reason: "CFO left the company" });
    const history = await db().criterionChange.findMany({ where: { opportunityId: oppId }, orderBy: { at: "asc" } });
    expect(history.map((h) => `${h.fromState}->${h.toState}`)).toEqual(["unknown->claimed", "claimed->verified", "verified->unknown"]);
    expect(history[2]?.reason).toBe("CFO left the company");
    expect((await auditRows(oppId)).filter((a) => a.entityType === "criterion").map((a) => a.action)).toEqual(["verify", "reset"]);
  });

  it("cannot verify what nobody claimed, and other reps cannot touch it", async () => {
    actAs(t.rep);
    expect((await updateCriterionAction({ opportunityId: oppId, criterionId: "champion", op: "verify" }))?.serverError?.code).toBe("INVALID");
    actAs(t.otherRep);
    expect((await updateCriterionAction({ opportunityId: oppId, criterionId: "champion", op: "reset" }))?.serverError?.code).toBe("FORBIDDEN");
  });
});

describe("the buying committee", () => {
  it("adds roles once each, records engagement and the champion test, and removes members", async () => {
    actAs(t.rep);
    await addStakeholderAction({ opportunityId: oppId, contactId, role: "champion" });
    const dupe = await addStakeholderAction({ opportunityId: oppId, contactId, role: "champion" });
    expect(dupe?.serverError?.details).toMatchObject({ fieldErrors: { role: ["Already on the committee in this role."] } });
    await addStakeholderAction({ opportunityId: oppId, contactId, role: "economic_buyer" });
    const [champion, buyer] = await db().stakeholder.findMany({ where: { opportunityId: oppId }, orderBy: { role: "desc" } });
    await updateStakeholderAction({ stakeholderId: champion!.id, op: "champion_tested", summary: "Got us the CFO meeting", happenedOn: today() });
    await updateStakeholderAction({
      stakeholderId: buyer!.id,
      op: "engaged",
      channel: "call",
      summary: "Walked through pricing",
      happenedOn: today(),
    });
    expect(
      (await updateStakeholderAction({ stakeholderId: buyer!.id, op: "champion_tested", summary: "Something hard", happenedOn: today() }))
        ?.serverError?.message,
    ).toBe("Only a champion can be tested.");
    expect(await db().stakeholder.findUniqueOrThrow({ where: { id: champion!.id } })).toMatchObject({ championTested: true });
    expect((await db().stakeholder.findUniqueOrThrow({ where: { id: buyer!.id } })).lastEngagedAt).not.toBeNull();
    await updateStakeholderAction({ stakeholderId: buyer!.id, op: "remove" });
    expect(await db().stakeholder.count({ where: { opportunityId: oppId } })).toBe(1);
    expect((await auditRows(buyer!.id)).map((a) => a.action)).toEqual(["add", "engaged", "remove"]);
  });

  it("refuses contacts of other accounts or organizations, and other tenants' stakeholders", async () => {
    const other = await createTenant("Other");
    const foreignAccount = await createAccountFor(other.rep);
    const foreignContact = await createContactFor(other.rep, foreignAccount.id);
    actAs(t.rep);
    expect((await addStakeholderAction({ opportunityId: oppId, contactId: foreignContact.id, role: "champion" }))?.serverError?.code).toBe("INVALID");
    await addStakeholderAction({ opportunityId: oppId, contactId, role: "user" });
    const member = await db().stakeholder.findFirstOrThrow({ where: { opportunityId: oppId } });
    actAs(other.manager);
    expect((await updateStakeholderAction({ stakeholderId: member.id, op: "remove" }))?.serverError?.code).toBe("NOT_FOUND");
    expect((await addStakeholderAction({ opportunityId: oppId, contactId, role: "blocker" }))?.serverError?.code).toBe("NOT_FOUND");
    expect(await db().stakeholder.count({ where: { opportunityId: oppId } })).toBe(1);
  });
});

describe("nested validation errors", () => {
  it("names the evidence row and field that is wrong, instead of dropping the error", async () => {
    actAs(t.rep);
    const result = await logNoteAction({
      opportunityId: oppId,
      body: "Call",
      evidence: [
        { criterionId: "metrics", state: "claimed", excerpt: "ok", contactId: "" },
        { criterionId: "metrics", state: "claimed", excerpt: "   ", contactId: "" },
      ],
    });
    expect(result?.validationErrors?.fieldErrors).toEqual({ "evidence.1.excerpt": ["Quote or summarise what backs this criterion."] });
  });
});
