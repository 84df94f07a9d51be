import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { advanceStageAction } from "../../lib/actions/opportunities/advance-stage";
import { createRecapAction } from "../../lib/actions/recaps/create-recap";
import { respondRecapAction } from "../../lib/actions/recaps/respond-recap";
import { revokeRecapAction } from "../../lib/actions/recaps/revoke-recap";
import { resetEnvForTests } from "../../lib/env";
import { db } from "../../lib/server/db";
import { loadOpportunityView } from "../../lib/server/qualification/opportunity-view";
import { loadRecapByToken, RECAP_LIMITS } from "../../lib/server/recaps/public";
import { hashRecapToken } from "../../lib/server/recaps/token";
import { startSmtpCapture } from "../fixtures/smtp-capture";
import { auditRows, createAccountFor, createContactFor, createOpportunityFor, createTenant, type Tenant } from "../fixtures/tenants";
import { actAs } from "./setup";

/** The buyer's address as the respond action sees it (it reads the request's headers). */
const request = vi.hoisted(() => ({ ip: "198.51.100.7" }));
vi.mock("next/headers", () => ({ headers: () => Promise.resolve(new Headers({ "x-forwarded-for": request.ip })) }));

let t: Tenant;
let oppId: string;
let accountId: string;
let cfoId: string;
let ipCounter = 0;
const freshIp = () => `198.51.${Math.floor(++ipCounter / 250)}.${ipCounter % 250}`;

/** A Proposal deal: economic buyer verified on the rep's word (the nine-click kind), metrics and pain only claimed. */
beforeEach(async () => {
  request.ip = freshIp();
  t = await createTenant("Recap");
  accountId = (await createAccountFor(t.rep)).id;
  oppId = (await createOpportunityFor(t.rep, accountId, { stage: "proposal" })).id;
  const org = t.org.id;
  const at = new Date(Date.now() - 86_400_000);
  const cfo = await createContactFor(t.rep, accountId, "Dana CFO");
  cfoId = cfo.id;
  await db().stakeholder.create({
    data: { organizationId: org, opportunityId: oppId, contactId: cfo.id, role: "economic_buyer", addedById: t.rep.id, lastEngagedAt: at },
  });
  const rows: Array<[string, "claimed" | "verified", string]> = [
    ["economic_buyer", "verified", "Dana signs anything above $50k"],
    ["metrics", "claimed", "Cut forecast misses by 30%"],
    ["identify_pain", "claimed", "Board lost trust in the forecast"],
    ["decision_process", "claimed", "Security review, then CFO sign-off"],
  ];
  for (const [criterionId, state, excerpt] of rows) {
    await db().evidence.create({
      data: {
        organizationId: org,
        opportunityId: oppId,
        criterionId,
        state,
        excerpt,
        capturedAt: at,
        capturedById: t.rep.id,
        verifiedById: state === "verified" ? t.rep.id : null,
        verifiedAt: state === "verified" ? at : null,
      },
    });
    await db().criterionState.create({ data: { organizationId: org, opportunityId: oppId, criterionId, state, updatedById: t.rep.id } });
  }
});

const points = [
  { criterionId: "economic_buyer", text: "Dana signs anything above $50k" },
  { criterionId: "metrics", text: "Cut forecast misses by 30%" },
  { criterionId: "identify_pain", text: "Board lost trust in the forecast" },
  { criterionId: "decision_process", text: "Security review, then CFO sign-off" },
];

async function newRecap(user = t.rep) {
  actAs(user);
  const result = await createRecapAction({ opportunityId: oppId, contactId: cfoId, points, email: false });
  const data = result?.data;
  if (!data) throw new Error(`recap not created: ${JSON.stringify(result)}`);
  return { ...data, token: data.link.split("/recap/")[1]! };
}

const stateOf = async (criterionId: string) => (await db().criterionState.findFirstOrThrow({ where: { opportunityId: oppId, criterionId } })).state;
const respond = (token: string, answers: unknown) => {
  actAs(null);
  return respondRecapAction({ token, answers } as never);
};

describe("recap: the token's life", () => {
  it("stores only the token's hash, expires in 14 days, and shows the buyer only the recap", async () => {
    const { id, token, link } = await newRecap();
    expect(link).toMatch(/\/recap\/[A-Za-z0-9_-]{43}$/);
    const row = await db().recap.findUniqueOrThrow({ where: { id } });
    expect(row.tokenHash).toBe(hashRecapToken(token));
    expect(JSON.stringify(row)).not.toContain(token);
    expect((row.expiresAt.getTime() - row.createdAt.getTime()) / 86_400_000).toBe(14);
    expect((await auditRows(id)).map((a) => a.action)).toEqual(["create"]);

    const view = await loadRecapByToken({ token, ip: freshIp(), now: new Date() });
    expect(view.kind).toBe("ok");
    if (view.kind !== "ok") return;
    expect(Object.keys(view.recap).sort()).toEqual(["contactName", "expiresAt", "organizationName", "points", "respondedAt", "senderName"]);
    expect(view.recap).toMatchObject({ organizationName: t.org.name, senderName: "Rep", contactName: "Dana CFO", respondedAt: null });
    expect(view.recap.points.map((p) => p.criterionId)).toEqual(points.map((p) => p.criterionId));
    expect(JSON.stringify(view)).not.toMatch(/50000|Test Deal|Test Account/);
  });

  it("confirm two, correct one, not right one: evidence, notes, history, audit, re-score, and the gate", async () => {
    actAs(t.rep);
    const before = await advanceStageAction({ opportunityId: oppId, toStage: "negotiation", version: 1 });
    const blockersBefore = (before?.serverError?.details as { blockers: Array<{ code: string; criterionId?: string }> }).blockers.map(
      (b) => `${b.code}:${b.criterionId ?? ""}`,
    );
    expect(blockersBefore).toContain("criterion_basis_weak:economic_buyer");

    const { id, token } = await newRecap();
    const result = await respond(token, [
      { criterionId: "economic_buyer", kind: "confirm" },
      { criterionId: "metrics", kind: "confirm" },
      { criterionId: "identify_pain", kind: "correct", text: "It is the board AND the auditors" },
      { criterionId: "decision_process", kind: "not_right", outcome: "unknown", text: "We have not decided how we buy this yet" },
    ]);
    expect(result?.data).toEqual({ answered: 4 });

    expect(await stateOf("economic_buyer")).toBe("verified");
    expect(await stateOf("metrics")).toBe("verified");
    expect(await stateOf("identify_pain")).toBe("claimed");
    expect(await stateOf("decision_process")).toBe("unknown");
    const confirmed = await db().evidence.findFirstOrThrow({ where: { opportunityId: oppId, criterionId: "metrics", basis: "buyer_confirmed" } });
    expect(confirmed).toMatchObject({ state: "verified", contactId: cfoId, excerpt: "Cut forecast misses by 30%" });
    const correction = await db().evidence.findFirstOrThrow({
      where: { opportunityId: oppId, criterionId: "identify_pain" },
      orderBy: { capturedAt: "desc" },
    });
    expect(correction).toMatchObject({ state: "claimed", basis: "contact_statement", contactId: cfoId, excerpt: "It is the board AND the auditors" });
    const notes = (await db().note.findMany({ where: { opportunityId: oppId }, orderBy: { body: "asc" } })).map((n) => n.body);
    expect(notes).toEqual([
      'Corrected by the buyer, Dana CFO (Economic buyer), in a recap (Identify pain): "It is the board AND the auditors"',
      'Marked not right by the buyer, Dana CFO (Economic buyer), in a recap (Decision process): "We have not decided how we buy this yet"',
    ]);
    const changes = await db().criterionChange.findMany({ where: { opportunityId: oppId }, orderBy: { criterionId: "asc" } });
    expect(changes.map((c) => `${c.criterionId}:${c.fromState}->${c.toState}:${c.reason}`)).toEqual([
      "decision_process:claimed->unknown:Marked not right by Dana CFO (Economic buyer) in a recap",
      "metrics:claimed->verified:Confirmed by Dana CFO (Economic buyer) in a recap",
    ]);
    expect(
      (await db().recapResponse.findMany({ where: { recapId: id }, orderBy: { criterionId: "asc" } })).map(
        (r) => `${r.criterionId}:${r.answer}:${r.outcome}`,
      ),
    ).toEqual(["decision_process:not_right:unknown", "economic_buyer:confirm:verified", "identify_pain:correct:claimed", "metrics:confirm:verified"]);
    const audit = await auditRows(id);
    expect(audit.map((a) => [a.action, a.actorId, a.reason])).toEqual([
      ["create", t.rep.id, null],
      ["respond", null, "Answered by Dana CFO (Economic buyer)"],
    ]);
    expect((await db().scoreSnapshot.findFirstOrThrow({ where: { opportunityId: oppId }, orderBy: { at: "desc" } })).trigger).toBe("recap_response");

    // The buyer's confirmation is the basis late-stage gates ask for: the weak-basis blocker is gone.
    actAs(t.rep);
    const after = await advanceStageAction({ opportunityId: oppId, toStage: "negotiation", version: 1 });
    const left =
      (after?.serverError?.details as { blockers: Array<{ code: string; criterionId?: string }> } | undefined)?.blockers.map(
        (b) => `${b.code}:${b.criterionId ?? ""}`,
      ) ?? [];
    expect(left).not.toContain("criterion_basis_weak:economic_buyer");
  });

  it("a correction of a verified criterion sends it back to claimed and retires the old verification", async () => {
    const { token } = await newRecap();
    expect((await respond(token, [{ criterionId: "economic_buyer", kind: "correct", text: "Dana has not seen pricing yet" }]))?.data).toEqual({
      answered: 1,
    });
    expect(await stateOf("economic_buyer")).toBe("claimed");
    const old = await db().evidence.findFirstOrThrow({ where: { opportunityId: oppId, criterionId: "economic_buyer", basis: "self_attested" } });
    expect(old.challengedAt).not.toBeNull();
    expect(old.challengeReason).toContain("Dana has not seen pricing yet");
  });

  it("'not right: not the case' makes the criterion negative", async () => {
    const { token } = await newRecap();
    await respond(token, [{ criterionId: "metrics", kind: "not_right", outcome: "negative", text: "" }]);
    expect(await stateOf("metrics")).toBe("negative");
    expect(
      (await db().evidence.findFirstOrThrow({ where: { opportunityId: oppId, criterionId: "metrics" }, orderBy: { capturedAt: "desc" } })).excerpt,
    ).toBe('Not right: "Cut forecast misses by 30%"');
  });

  it("answers once: a replay is refused and writes nothing", async () => {
    const { id, token } = await newRecap();
    const answers = [{ criterionId: "metrics", kind: "confirm" }];
    expect((await respond(token, answers))?.data).toEqual({ answered: 1 });
    const evidence = await db().evidence.count({ where: { opportunityId: oppId } });
    const replay = await respond(token, [{ criterionId: "identify_pain", kind: "confirm" }]);
    expect(replay?.serverError?.code).toBe("CONFLICT");
    expect(await db().evidence.count({ where: { opportunityId: oppId } })).toBe(evidence);
    expect(await stateOf("identify_pain")).toBe("claimed");
    expect(await db().recapResponse.count({ where: { recapId: id } })).toBe(1);
    const view = await loadRecapByToken({ token, ip: freshIp(), now: new Date() });
    expect(view.kind === "ok" && view.recap.respondedAt).toBeInstanceOf(Date);
  });

  it("two answers racing: exactly one is recorded", async () => {
    const { id, token } = await newRecap();
    const results = await Promise.all([0, 1, 2].map(() => respond(token, [{ criterionId: "metrics", kind: "confirm" }])));
    expect(results.filter((r) => r?.data).length).toBe(1);
    expect(await db().recapResponse.count({ where: { recapId: id } })).toBe(1);
    expect(await db().criterionChange.count({ where: { opportunityId: oppId, criterionId: "metrics" } })).toBe(1);
  });

  it("a point that is not in the recap is refused and nothing is kept (the link still works)", async () => {
    const { id, token } = await newRecap();
    const refused = await respond(token, [
      { criterionId: "metrics", kind: "confirm" },
      { criterionId: "competition", kind: "confirm" },
    ]);
    expect(refused?.serverError?.code).toBe("INVALID");
    expect((await db().recap.findUniqueOrThrow({ where: { id } })).respondedAt).toBeNull();
    expect(await stateOf("metrics")).toBe("claimed");
  });

  it("an expired link is a plain 404 and takes no answer", async () => {
    const { id, token } = await newRecap();
    await db().recap.update({ where: { id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect((await loadRecapByToken({ token, ip: freshIp(), now: new Date() })).kind).toBe("not_found");
    expect((await respond(token, [{ criterionId: "metrics", kind: "confirm" }]))?.serverError?.code).toBe("NOT_FOUND");
    expect(await stateOf("metrics")).toBe("claimed");
  });

  it("a revoked link is a plain 404; only the owner or a manager of the organization may revoke", async () => {
    const { id, token } = await newRecap();
    const other = await createTenant("Elsewhere");
    actAs(other.manager);
    expect((await revokeRecapAction({ recapId: id }))?.serverError?.code).toBe("NOT_FOUND");
    actAs(t.otherRep);
    expect((await revokeRecapAction({ recapId: id }))?.serverError?.code).toBe("FORBIDDEN");
    actAs(t.marketing);
    expect((await revokeRecapAction({ recapId: id }))?.serverError?.code).toBe("FORBIDDEN");
    actAs(null);
    expect((await revokeRecapAction({ recapId: id }))?.serverError?.code).toBe("UNAUTHENTICATED");
    expect((await loadRecapByToken({ token, ip: freshIp(), now: new Date() })).kind).toBe("ok");

    actAs(t.manager);
    expect((await revokeRecapAction({ recapId: id }))?.data).toEqual({ id });
    expect((await loadRecapByToken({ token, ip: freshIp(), now: new Date() })).kind).toBe("not_found");
    expect((await respond(token, [{ criterionId: "metrics", kind: "confirm" }]))?.serverError?.code).toBe("NOT_FOUND");
    expect((await auditRows(id)).map((a) => a.action)).toEqual(["create", "revoke"]);
  });

  it("a revocation is in the deal's timeline, with who revoked and when; revoking again adds nothing", async () => {
    const { id } = await newRecap();
    actAs(t.manager);
    expect((await revokeRecapAction({ recapId: id }))?.data).toEqual({ id });
    expect((await revokeRecapAction({ recapId: id }))?.data).toEqual({ id });
    const { revokedAt } = await db().recap.findUniqueOrThrow({ where: { id } });
    const recapEntries = (await loadOpportunityView(t.rep, oppId)).timeline.filter((e) => e.kind === "recap");
    expect(recapEntries.map((e) => ({ event: e.kind === "recap" ? e.event : null, actor: e.actor }))).toEqual([
      { event: "revoked", actor: "Manager" },
      { event: "created", actor: "Rep" },
    ]);
    expect(recapEntries[0]?.at).toEqual(revokedAt);
  });

  it("creating is refused for other reps, other tenants, other roles, strangers, and another account's contact", async () => {
    const input = { opportunityId: oppId, contactId: cfoId, points, email: false };
    actAs(t.otherRep);
    expect((await createRecapAction(input))?.serverError?.code).toBe("FORBIDDEN");
    actAs(t.marketing);
    expect((await createRecapAction(input))?.serverError?.code).toBe("FORBIDDEN");
    actAs(null);
    expect((await createRecapAction(input))?.serverError?.code).toBe("UNAUTHENTICATED");
    const other = await createTenant("Elsewhere");
    actAs(other.manager);
    expect((await createRecapAction(input))?.serverError?.code).toBe("NOT_FOUND");
    const strangerAccount = await createAccountFor(other.rep);
    const stranger = await createContactFor(other.rep, strangerAccount.id, "Someone Else");
    actAs(t.rep);
    expect((await createRecapAction({ ...input, contactId: stranger.id }))?.serverError?.code).toBe("INVALID");
    expect((await createRecapAction({ ...input, points: [{ criterionId: "no_such", text: "x" }] }))?.serverError?.code).toBe("INVALID");
    expect((await createRecapAction({ ...input, points: [] }))?.validationErrors).toBeTruthy();
    expect((await createRecapAction({ ...input, email: true }))?.serverError?.code).toBe("INVALID");
    expect(await db().recap.count({ where: { opportunityId: oppId } })).toBe(0);
  });
});

describe("recap: guessing links", () => {
  it("a wrong token is a 404, and guessing from one address is rate-limited (other addresses are not)", async () => {
    const { token } = await newRecap();
    const ip = freshIp();
    const now = new Date();
    expect((await loadRecapByToken({ token: "A".repeat(43), ip, now })).kind).toBe("not_found");
    for (let i = 1; i < RECAP_LIMITS.perIp.max; i++) await loadRecapByToken({ token: `${"B".repeat(40)}${String(i).padStart(3, "0")}`, ip, now });
    // The 61st look-up from this address is refused, even with the right token.
    expect((await loadRecapByToken({ token, ip, now })).kind).toBe("rate_limited");
    request.ip = ip;
    expect((await respond(token, [{ criterionId: "metrics", kind: "confirm" }]))?.serverError?.code).toBe("RATE_LIMITED");
    expect(await stateOf("metrics")).toBe("claimed");
    expect((await loadRecapByToken({ token, ip: freshIp(), now })).kind).toBe("ok");
  });

  it("hammering one link from one address is rate-limited per address and link", async () => {
    const { token } = await newRecap();
    const ip = freshIp();
    const now = new Date();
    for (let i = 0; i < RECAP_LIMITS.perIpAndToken.max; i++) expect((await loadRecapByToken({ token, ip, now })).kind).toBe("ok");
    expect((await loadRecapByToken({ token, ip, now })).kind).toBe("rate_limited");
  });
});

describe("recap: email", () => {
  let smtp: Awaited<ReturnType<typeof startSmtpCapture>>;
  beforeAll(async () => {
    smtp = await startSmtpCapture();
    process.env.SMTP_URL = smtp.url;
    resetEnvForTests();
  });
  afterAll(async () => {
    delete process.env.SMTP_URL;
    resetEnvForTests();
    await smtp.close();
  });

  it("emails the link to the buyer through the configured SMTP server and marks the recap sent", async () => {
    await db().contact.update({ where: { id: cfoId }, data: { email: "dana@buyer.test" } });
    actAs(t.rep);
    const result = await createRecapAction({ opportunityId: oppId, contactId: cfoId, points, email: true });
    expect(result?.data?.emailed).toBe(true);
    const token = result.data!.link.split("/recap/")[1]!;
    expect(smtp.messages).toHaveLength(1);
    expect(smtp.messages[0]!.to).toEqual(["<dana@buyer.test>"]);
    expect(smtp.messages[0]!.data.replace(/=\r\n/g, "")).toContain(token);
    expect((await db().recap.findUniqueOrThrow({ where: { id: result.data!.id } })).sentAt).toBeInstanceOf(Date);
    expect((await auditRows(result.data!.id)).map((a) => a.action)).toEqual(["create", "email"]);
  });

  it("refuses to email a contact without an address", async () => {
    await db().contact.update({ where: { id: cfoId }, data: { email: null } });
    actAs(t.rep);
    expect((await createRecapAction({ opportunityId: oppId, contactId: cfoId, points, email: true }))?.serverError?.code).toBe("INVALID");
  });
});
