import { beforeEach, describe, expect, it } from "vitest";
import { logNoteAction } from "../../lib/actions/notes/log-note";
import { advanceStageAction } from "../../lib/actions/opportunities/advance-stage";
import { updateCriterionAction } from "../../lib/actions/qualification/update-criterion";
import { updateStakeholderAction } from "../../lib/actions/qualification/update-stakeholder";
import { changeRoleAction } from "../../lib/actions/users/change-role";
import { deactivateUserAction } from "../../lib/actions/users/deactivate-user";
import { db } from "../../lib/server/db";
import type { SessionUser } from "../../lib/server/session";
import { auditRows, createAccountFor, createContactFor, createOpportunityFor, createTenant, type Tenant } from "../fixtures/tenants";
import { actAs, asUser } from "./setup";

/**
 * Parallel requests on the same records must each get a clean answer: success, CONFLICT or NOT_FOUND,
 * never INTERNAL, and history and audit rows exactly once per change that happened. On PGlite the requests
 * queue on one connection; with DATABASE_URL they race on a real server (run both).
 */
let t: Tenant;
beforeEach(async () => {
  t = await createTenant("Race");
});

type Outcome = { data?: unknown; serverError?: { code: string }; validationErrors?: unknown } | undefined;
const codeOf = (r: Outcome) => (r?.serverError ? r.serverError.code : r?.validationErrors ? "INVALID" : "OK");
const tally = (results: Outcome[]) => results.reduce<Record<string, number>>((acc, r) => ({ ...acc, [codeOf(r)]: (acc[codeOf(r)] ?? 0) + 1 }), {});

/** The actions read the session per call; the test session is global, so parallel callers share one user. */
async function parallel<T>(who: SessionUser, n: number, run: (i: number) => Promise<T>): Promise<T[]> {
  actAs(who);
  return Promise.all(Array.from({ length: n }, (_, i) => run(i)));
}

describe("concurrency gives clean answers", () => {
  it("20 parallel notes on one deal all succeed, with one note and one audit row each", async () => {
    const opp = await createOpportunityFor(t.rep, (await createAccountFor(t.rep)).id);
    const results = await parallel(t.rep, 20, (i) =>
      logNoteAction({
        opportunityId: opp.id,
        body: `Call ${i}`,
        evidence: i % 2 ? [{ criterionId: "metrics", state: "claimed", excerpt: `figure ${i}` }] : [],
      }),
    );
    expect(tally(results)).toEqual({ OK: 20 });
    const notes = await db().note.findMany({ where: { opportunityId: opp.id }, select: { id: true } });
    expect(notes).toHaveLength(20);
    const audits = await db().auditEvent.count({ where: { entityType: "note", entityId: { in: notes.map((n) => n.id) } } });
    expect(audits).toBe(20);
    expect(await db().evidence.count({ where: { opportunityId: opp.id } })).toBe(10);
    // metrics moved unknown → claimed exactly once, however the ten claims interleaved.
    expect(await db().criterionChange.count({ where: { opportunityId: opp.id, criterionId: "metrics" } })).toBe(1);
  });

  it("20 parallel removals of one committee member: one succeeds, the rest are NOT_FOUND, one audit row", async () => {
    const accountId = (await createAccountFor(t.rep)).id;
    const opp = await createOpportunityFor(t.rep, accountId);
    const contact = await createContactFor(t.rep, accountId);
    const member = await db().stakeholder.create({
      data: { organizationId: t.org.id, opportunityId: opp.id, contactId: contact.id, role: "champion", addedById: t.rep.id },
    });
    const results = await parallel(t.rep, 20, () => updateStakeholderAction({ stakeholderId: member.id, op: "remove" }));
    expect(tally(results)).toEqual({ OK: 1, NOT_FOUND: 19 });
    expect((await auditRows(member.id)).map((a) => a.action)).toEqual(["remove"]);
  });

  it("parallel verifies of one claimed criterion never fail with INTERNAL", async () => {
    const opp = await createOpportunityFor(t.rep, (await createAccountFor(t.rep)).id);
    actAs(t.rep);
    await logNoteAction({ opportunityId: opp.id, body: "Claim", evidence: [{ criterionId: "metrics", state: "claimed", excerpt: "figure" }] });
    const results = await parallel(t.manager, 10, () =>
      updateCriterionAction({ opportunityId: opp.id, criterionId: "metrics", op: "verify", documentRef: "Business case signed off by finance" }),
    );
    expect(tally(results).INTERNAL).toBeUndefined();
    expect((await db().criterionState.findFirstOrThrow({ where: { opportunityId: opp.id, criterionId: "metrics" } })).state).toBe("verified");
  });

  it("10 parallel stage moves from the same version: one wins, the rest CONFLICT, one history row", async () => {
    const opp = await createOpportunityFor(t.rep, (await createAccountFor(t.rep)).id, { stage: "prospecting" });
    const results = await parallel(t.rep, 10, () => advanceStageAction({ opportunityId: opp.id, toStage: "discovery", version: 1 }));
    expect(tally(results)).toEqual({ OK: 1, CONFLICT: 9 });
    expect(await db().stageChange.count({ where: { opportunityId: opp.id } })).toBe(1);
    expect((await auditRows(opp.id)).filter((a) => a.action === "stage_change")).toHaveLength(1);
  });

  it("two admins demoting each other at once: the organization keeps an admin (five trials)", async () => {
    for (let trial = 0; trial < 5; trial++) {
      const org = await createTenant(`Admins${trial}`);
      const second = await db().user.update({ where: { id: org.manager.id }, data: { role: "admin" } });
      const a = org.admin;
      const b: SessionUser = { ...org.manager, role: "admin", id: second.id };
      const results = await Promise.all([
        asUser(a, () => changeRoleAction({ userId: b.id, role: "rep" })),
        asUser(b, () => changeRoleAction({ userId: a.id, role: "rep" })),
      ]);
      // The second to get the lock is no longer an admin (FORBIDDEN) or would leave none (CONFLICT).
      expect(results.filter((r) => codeOf(r) === "OK")).toHaveLength(1);
      expect(results.map(codeOf).filter((c) => c !== "OK")).toEqual([expect.stringMatching(/^(FORBIDDEN|CONFLICT)$/)]);
      expect(await db().user.count({ where: { organizationId: org.org.id, role: "admin", deactivatedAt: null } })).toBe(1);
      expect(await db().auditEvent.count({ where: { organizationId: org.org.id, action: "change_role" } })).toBe(1);
    }
  });

  it("deactivation obeys the same rule: the last active admin cannot be deactivated, even in parallel", async () => {
    const second = await db().user.update({ where: { id: t.manager.id }, data: { role: "admin" } });
    const b: SessionUser = { ...t.manager, role: "admin", id: second.id };
    const results = await Promise.all([
      asUser(t.admin, () => deactivateUserAction({ userId: b.id })),
      asUser(b, () => deactivateUserAction({ userId: t.admin.id })),
    ]);
    expect(results.filter((r) => codeOf(r) === "OK")).toHaveLength(1);
    expect(results.map(codeOf)).not.toContain("INTERNAL");
    expect(await db().user.count({ where: { organizationId: t.org.id, role: "admin", deactivatedAt: null } })).toBe(1);
  });
});
