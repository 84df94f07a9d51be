import { beforeEach, describe, expect, it } from "vitest";
import { db } from "../../lib/server/db";
import { AppError } from "../../lib/server/errors";
import { saveIntakeForm } from "../../lib/server/intake/save-form";
import { submitIntake } from "../../lib/server/intake/submit";
import { defaultIntakeQuestions } from "../../lib/qualification/leads";
import { FRAMEWORKS } from "../../lib/qualification";
import { createTenant, type Tenant } from "../fixtures/tenants";
import { giveIcp, goodSubmission, leadsOf } from "../fixtures/leads";

let t: Tenant;
let ip = 0;
const nextIp = () => `10.0.${Math.floor(++ip / 250)}.${ip % 250}`;
const NOW = new Date("2026-12-01T10:00:00Z");

beforeEach(async () => {
  t = await createTenant("Intake");
  await giveIcp(t.admin);
});

const submit = (body: Record<string, unknown>, from = nextIp(), now = NOW) => submitIntake({ slug: t.org.slug, ip: from, body, now });

async function refusal(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

describe("the public intake form", () => {
  it("creates a scored lead, routes a pursue to a rep by round robin, and tells the visitor nothing about the score", async () => {
    const receipt = await submit(goodSubmission());
    expect(receipt).toEqual({ organizationName: t.org.name });
    await submit(goodSubmission({ email: "bo@other-co.io", domain: "other-co.io", companyName: "Other Co" }));
    const leads = await leadsOf(t.org.id);
    expect(leads).toHaveLength(2);
    expect(leads[0]).toMatchObject({ source: "intake_form", status: "new", verdict: "pursue", fit: 100, routedBy: "round_robin" });
    expect(leads[0]?.intent).toBeGreaterThan(0);
    expect(new Set(leads.map((l) => l.ownerId))).toEqual(new Set([t.rep.id, t.otherRep.id]));
    const audit = await db().auditEvent.findFirst({ where: { entityId: leads[0]!.id } });
    expect(audit).toMatchObject({ action: "create", actorId: null });
  });

  it("refuses invalid input with field errors and writes nothing", async () => {
    const error = await refusal(submit(goodSubmission({ email: "not-an-email", companyName: "", answers: { timing: "someday" } })));
    expect(error.code).toBe("INVALID");
    const fields = (error.details as { fieldErrors: Record<string, string[]> }).fieldErrors;
    expect(Object.keys(fields).sort()).toEqual(["answers.prompt", "answers.timing", "companyName", "email"]);
    expect(await leadsOf(t.org.id)).toHaveLength(0);
  });

  it("refuses answers over the size limit", async () => {
    const error = await refusal(submit(goodSubmission({ answers: { prompt: "x".repeat(1001), timing: "quarter" } })));
    expect(error.code).toBe("INVALID");
    expect(await leadsOf(t.org.id)).toHaveLength(0);
  });

  it("pretends a honeypot submission worked and keeps nothing", async () => {
    expect(await submit(goodSubmission({ website: "http://spam.example" }))).toEqual({ organizationName: t.org.name });
    expect(await leadsOf(t.org.id)).toHaveLength(0);
  });

  it("limits submissions per address (counted in PostgreSQL), while other addresses still get through", async () => {
    const from = nextIp();
    for (let i = 0; i < 5; i++) await submit(goodSubmission({ email: `p${i}@co${i}.io`, domain: `co${i}.io` }), from);
    const error = await refusal(submit(goodSubmission({ email: "p9@co9.io", domain: "co9.io" }), from));
    expect(error.code).toBe("RATE_LIMITED");
    await submit(goodSubmission({ email: "q@elsewhere.io", domain: "elsewhere.io" }), nextIp());
    expect(await leadsOf(t.org.id)).toHaveLength(6);
    const bucket = await db().rateLimitBucket.findFirst({ where: { key: { startsWith: `intake:form:${t.org.id}` } } });
    expect(bucket?.count).toBe(6); // the refused one stopped at the per-address limit
  });

  it("merges a repeated submission (same email, then same company domain) into the open lead", async () => {
    await submit(goodSubmission({ answers: { prompt: "Forecasts", timing: "researching" } }));
    await submit(goodSubmission({ answers: { prompt: "Forecasts", timing: "quarter" } }));
    await submit(goodSubmission({ name: "Cy Colleague", email: "cy@acme-saas.io", domain: "" }));
    const leads = await leadsOf(t.org.id);
    expect(leads).toHaveLength(1);
    expect(leads[0]).toMatchObject({ submissions: 3, name: "Ana Buyer" });
    expect(await db().auditEvent.count({ where: { entityId: leads[0]!.id, action: "merge_submission" } })).toBe(2);
  });

  it("keeps a submission outside the duplicate window as a new lead", async () => {
    await submit(goodSubmission(), nextIp(), new Date("2026-10-01T10:00:00Z"));
    await submit(goodSubmission());
    expect(await leadsOf(t.org.id)).toHaveLength(2);
  });

  it.each([
    [
      "not yet: parked with a resume date and what to watch",
      { answers: { prompt: "Curious", timing: "researching" } },
      { status: "nurturing", verdict: "nurture" },
    ],
    [
      "not a fit: disqualified with the knockout as reason, unassigned",
      { employeeCount: "8" },
      { status: "disqualified", verdict: "disqualify", ownerId: null },
    ],
  ])("%s", async (_, overrides, expected) => {
    await submit(goodSubmission(overrides));
    const [lead] = await leadsOf(t.org.id);
    expect(lead).toMatchObject(expected);
    if (expected.status === "nurturing") {
      expect(lead?.resumeOn).not.toBeNull();
      expect(lead?.watchFor).toBeTruthy();
      expect(lead?.ownerId).not.toBeNull();
    } else {
      expect(lead?.disqualifyReason).toContain("50–5,000 employees");
    }
  });

  it("routes by a region rule when the form says so, and refuses a rule naming a non-rep", async () => {
    const base = {
      enabled: true,
      title: "Talk to us",
      intro: null,
      fields: ["region" as const],
      questions: defaultIntakeQuestions(FRAMEWORKS.meddpicc),
      duplicateWindowDays: 30,
    };
    const bad = await refusal(
      saveIntakeForm(t.marketing, { ...base, routing: { mode: "rules", rules: [{ region: "EMEA", ownerId: t.manager.id }] } }),
    );
    expect(bad.code).toBe("INVALID");
    const forbidden = await refusal(saveIntakeForm(t.rep, { ...base, routing: { mode: "round_robin" } }));
    expect(forbidden.code).toBe("FORBIDDEN");
    await saveIntakeForm(t.marketing, { ...base, routing: { mode: "rules", rules: [{ region: "EMEA", ownerId: t.otherRep.id }] } });
    await submit(goodSubmission());
    await submit(goodSubmission({ email: "x@y-co.io", domain: "y-co.io", companyName: "Y" }));
    const leads = await leadsOf(t.org.id);
    expect(leads.map((l) => [l.ownerId, l.routedBy])).toEqual([
      [t.otherRep.id, "rule"],
      [t.otherRep.id, "rule"],
    ]);
  });

  it("answers 'not found' for an unknown organization or a disabled form", async () => {
    expect((await refusal(submitIntake({ slug: "nope-nope", ip: "1.1.1.1", body: goodSubmission(), now: NOW }))).code).toBe("NOT_FOUND");
    await db().intakeForm.create({
      data: { organizationId: t.org.id, enabled: false, title: "Off", questions: [], routing: { mode: "round_robin" } },
    });
    expect((await refusal(submit(goodSubmission()))).code).toBe("NOT_FOUND");
    expect(await leadsOf(t.org.id)).toHaveLength(0);
  });
});
