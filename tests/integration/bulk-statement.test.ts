import { beforeEach, describe, expect, it } from "vitest";
import { db } from "../../lib/server/db";
import { saveAccountAssessments, type AccountAssessmentRow } from "../../lib/server/qualification/stored-assessment";
import { createAccountFor, createTenant, type Tenant } from "../fixtures/tenants";

let t: Tenant;

beforeEach(async () => {
  t = await createTenant("Bulk");
});

/** A stored fit for the account, as a background batch writes it (its guard: only if newer than what is stored). */
const fitRow = (accountId: string, fit: number, computedAt: string): AccountAssessmentRow => ({
  accountId,
  organizationId: t.org.id,
  fit,
  verdict: "pursue",
  result: { score: fit, note: 'a "quoted" text, as JSON carries it' },
  icpVersion: 1,
  engineVersion: 1,
  computedAt,
  contentHash: `hash-${fit}`,
});

const storedFit = (accountId: string) => db().accountAssessment.findUniqueOrThrow({ where: { accountId } });

// Bulk statements skip Prisma's parameter encoding on a server client (`executeBulk`); these hold on both paths.
describe("bulk statements", () => {
  it("store the JSON document as sent, parameters and guard included", async () => {
    const account = await createAccountFor(t.rep);
    await saveAccountAssessments(db(), [fitRow(account.id, 91, "2030-01-02T00:00:00.000Z")], { onlyIfNewer: true });
    expect(await storedFit(account.id)).toMatchObject({ fit: 91, result: { score: 91, note: 'a "quoted" text, as JSON carries it' } });
    // An older batch's view does not overwrite a newer one (the boolean parameter reaches the guard).
    await saveAccountAssessments(db(), [fitRow(account.id, 12, "2030-01-01T00:00:00.000Z")], { onlyIfNewer: true });
    expect((await storedFit(account.id)).fit).toBe(91);
    await saveAccountAssessments(db(), [fitRow(account.id, 12, "2030-01-01T00:00:00.000Z")]);
    expect((await storedFit(account.id)).fit).toBe(12);
  });

  it("run inside the caller's transaction when given one, and roll back with it", async () => {
    const account = await createAccountFor(t.rep);
    await saveAccountAssessments(db(), [fitRow(account.id, 40, "2030-01-01T00:00:00.000Z")]);
    await expect(
      db().$transaction(async (tx) => {
        await saveAccountAssessments(tx, [fitRow(account.id, 77, "2030-01-03T00:00:00.000Z")]);
        expect((await tx.accountAssessment.findUniqueOrThrow({ where: { accountId: account.id } })).fit).toBe(77);
        throw new Error("abandon");
      }),
    ).rejects.toThrow("abandon");
    expect((await storedFit(account.id)).fit).toBe(40);
  });
});
