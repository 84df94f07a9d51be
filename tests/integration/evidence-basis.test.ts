import { beforeEach, describe, expect, it } from "vitest";
import { logNoteAction } from "../../lib/actions/notes/log-note";
import { addStakeholderAction } from "../../lib/actions/qualification/add-stakeholder";
import { updateCriterionAction } from "../../lib/actions/qualification/update-criterion";
import { updateStakeholderAction } from "../../lib/actions/qualification/update-stakeholder";
import { db } from "../../lib/server/db";
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
let oppId: string;
let cfo: string;
let champ: string;

const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
const claim = (criterionId: string, excerpt = "They said so") =>
  logNoteAction({ opportunityId: oppId, body: "Call", evidence: [{ criterionId, state: "claimed", excerpt, contactId: "" }] });

beforeEach(async () => {
  t = await createTenant("Basis");
  accountId = (await createAccountFor(t.rep)).id;
  cfo = (await createContactFor(t.rep, accountId, "Dana CFO")).id;
  champ = (await createContactFor(t.rep, accountId, "Sam Champion")).id;
  oppId = (await createOpportunityFor(t.rep, accountId, { stage: "solution" })).id;
  actAs(t.rep);
  await addStakeholderAction({ opportunityId: oppId, contactId: cfo, role: "economic_buyer" });
  await addStakeholderAction({ opportunityId: oppId, contactId: champ, role: "champion" });
});

describe("a verification needs proof, in every writer", () => {
  it("refuses a bare Verify click, and its replay, with the proof needed; nothing is written", async () => {
    await claim("economic_buyer", "The economic buyer has NOT seen pricing yet");
    const before = await qualificationRows(oppId);
    for (let i = 0; i < 2; i++) {
      const result = await updateCriterionAction({ opportunityId: oppId, criterionId: "economic_buyer", op: "verify" });
      expect(result?.serverError?.code).toBe("INVALID");
      expect(result?.serverError?.message).toMatch(/^Economic buyer cannot be verified on your word alone: name the economic buyer who said it/);
    }
    expect(await qualificationRows(oppId)).toEqual(before);
  });

  it("refuses a contact whose committee role does not fit, and another account's contact", async () => {
    await claim("economic_buyer");
    const byChampion = await updateCriterionAction({ opportunityId: oppId, criterionId: "economic_buyer", op: "verify", contactId: champ });
    expect(byChampion?.serverError?.message).toMatch(/not on the committee as economic buyer/);
    const stranger = await createContactFor(t.rep, (await createAccountFor(t.rep, { name: "Other" })).id);
    expect(
      (await updateCriterionAction({ opportunityId: oppId, criterionId: "economic_buyer", op: "verify", contactId: stranger.id }))?.serverError?.code,
    ).toBe("INVALID");
    expect((await db().criterionState.findFirstOrThrow({ where: { opportunityId: oppId, criterionId: "economic_buyer" } })).state).toBe("claimed");
  });

  it("accepts the economic buyer's own words, or a document, recording the basis", async () => {
    await claim("economic_buyer");
    await claim("paper_process", "Paper process fine.");
    expect(
      (
        await updateCriterionAction({
          opportunityId: oppId,
          criterionId: "economic_buyer",
          op: "verify",
          contactId: cfo,
          excerpt: "I own this budget",
        })
      )?.data?.id,
    ).toBe(oppId);
    expect(
      (
        await updateCriterionAction({
          opportunityId: oppId,
          criterionId: "paper_process",
          op: "verify",
          documentRef: "https://drive.example/msa-signed.pdf",
        })
      )?.data?.id,
    ).toBe(oppId);
    const rows = await db().evidence.findMany({ where: { opportunityId: oppId, state: "verified" }, orderBy: { criterionId: "asc" } });
    expect(rows.map((r) => [r.criterionId, r.basis, r.contactId, r.documentRef])).toEqual([
      ["economic_buyer", "contact_statement", cfo, null],
      ["paper_process", "document", null, "https://drive.example/msa-signed.pdf"],
    ]);
  });

  it("applies the same rule to evidence in a discovery note: 'verified' with no proof is refused with the row named", async () => {
    const before = await qualificationRows(oppId);
    const result = await logNoteAction({
      opportunityId: oppId,
      body: "Paper process fine.",
      evidence: [{ criterionId: "paper_process", state: "verified", excerpt: "Paper process fine.", contactId: "" }],
    });
    expect(result?.serverError?.code).toBe("INVALID");
    expect((result?.serverError?.details as { fieldErrors: Record<string, string[]> }).fieldErrors["evidence.0.state"]?.[0]).toMatch(
      /^Paper process cannot be verified on your word alone/,
    );
    expect(await qualificationRows(oppId)).toEqual(before);
  });

  it("records one transition from twenty parallel verifies of the same claim", async () => {
    await claim("economic_buyer");
    const results = await Promise.all(
      Array.from({ length: 20 }, () => updateCriterionAction({ opportunityId: oppId, criterionId: "economic_buyer", op: "verify", contactId: cfo })),
    );
    expect(results.filter((r) => r?.data?.id === oppId)).toHaveLength(1);
    expect(results.flatMap((r) => (r?.serverError ? [r.serverError.code] : [])).every((code) => code === "CONFLICT" || code === "INVALID")).toBe(
      true,
    );
    const changes = await db().criterionChange.findMany({ where: { opportunityId: oppId, criterionId: "economic_buyer", toState: "verified" } });
    expect(changes).toHaveLength(1);
    expect(await db().evidence.count({ where: { opportunityId: oppId, criterionId: "economic_buyer", state: "verified" } })).toBe(1);
  });
});

describe("engagement and champion tests are activities", () => {
  const member = async (role: "economic_buyer" | "champion") =>
    (await db().stakeholder.findFirstOrThrow({ where: { opportunityId: oppId, role } })).id;

  it("refuses a future day and a missing description; accepts a back-dated call and audits it as back-dated", async () => {
    const eb = await member("economic_buyer");
    const future = await updateStakeholderAction({
      stakeholderId: eb,
      op: "engaged",
      channel: "meeting",
      summary: "Pricing walkthrough",
      happenedOn: day(3),
    });
    expect(future?.serverError?.details).toMatchObject({ fieldErrors: { happenedOn: ["Pick today or a past day."] } });
    const blank = await updateStakeholderAction({ stakeholderId: eb, op: "engaged", channel: "call", summary: "", happenedOn: day(0) });
    expect(blank?.validationErrors).toBeTruthy();
    const impossible = await updateStakeholderAction({
      stakeholderId: eb,
      op: "engaged",
      channel: "call",
      summary: "Call",
      happenedOn: "2027-02-30",
    });
    expect(impossible?.validationErrors).toBeTruthy();
    expect(await db().stakeholderActivity.count({ where: { opportunityId: oppId } })).toBe(0);

    expect(
      (
        await updateStakeholderAction({
          stakeholderId: eb,
          op: "engaged",
          channel: "call",
          summary: "Walked the CFO through pricing",
          happenedOn: day(-5),
        })
      )?.data?.id,
    ).toBe(oppId);
    const activity = await db().stakeholderActivity.findFirstOrThrow({ where: { opportunityId: oppId } });
    expect(activity).toMatchObject({ kind: "engagement", channel: "call", summary: "Walked the CFO through pricing" });
    expect(activity.happenedAt.toISOString().slice(0, 10)).toBe(day(-5));
    expect((await db().stakeholder.findUniqueOrThrow({ where: { id: eb } })).lastEngagedAt?.toISOString().slice(0, 10)).toBe(day(-5));
    const audit = (await auditRows(eb)).find((a) => a.action === "engaged");
    expect(audit?.after).toMatchObject({ activity: { backdated: true } });
  });

  it("records the test a champion passed, who and when; refuses it without a description", async () => {
    const c = await member("champion");
    expect(
      (await updateStakeholderAction({ stakeholderId: c, op: "champion_tested", summary: "", happenedOn: day(0) }))?.validationErrors,
    ).toBeTruthy();
    expect((await db().stakeholder.findUniqueOrThrow({ where: { id: c } })).championTested).toBe(false);
    await updateStakeholderAction({ stakeholderId: c, op: "champion_tested", summary: "Got us a meeting with the CFO", happenedOn: day(-1) });
    expect((await db().stakeholder.findUniqueOrThrow({ where: { id: c } })).championTested).toBe(true);
    expect(await db().stakeholderActivity.findFirstOrThrow({ where: { stakeholderId: c } })).toMatchObject({
      kind: "champion_test",
      contactId: champ,
      summary: "Got us a meeting with the CFO",
      recordedById: t.rep.id,
    });
  });
});
