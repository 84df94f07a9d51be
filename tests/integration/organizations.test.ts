import { randomUUID } from "node:crypto";
import bcrypt from "bcryptjs";
import { describe, expect, it } from "vitest";
import { createAccountAction } from "../../lib/actions/accounts/create-account";
import { advanceStageAction } from "../../lib/actions/opportunities/advance-stage";
import { createOpportunityAction } from "../../lib/actions/opportunities/create-opportunity";
import { FRAMEWORKS, pipelineFor } from "../../lib/qualification";
import { db } from "../../lib/server/db";
import { AppError } from "../../lib/server/errors";
import { createOrganization } from "../../lib/server/organizations/create-organization";
import { loadQualificationSettings } from "../../lib/server/qualification/settings";
import { resetPassword } from "../../lib/server/users/lifecycle";
import type { SessionUser } from "../../lib/server/session";
import { actAs } from "./setup";

const unique = () => randomUUID().slice(0, 8);

async function refusal(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

function newOrg(suffix = unique(), password: { plain: string } | null = { plain: "a long enough password" }) {
  return { name: `Acme ${suffix}`, slug: `acme-${suffix}`, admin: { name: "Ada Admin", email: `Ada-${suffix}@Acme.test` }, password };
}

describe("creating an organization", () => {
  it("creates the organization, its first pipeline with stored stages and gates, and its admin, who can sign in", async () => {
    const created = await createOrganization(db(), newOrg());
    const pipelines = await db().pipeline.findMany({
      where: { organizationId: created.organization.id },
      include: { stages: { orderBy: { position: "asc" } } },
    });
    expect(pipelines).toHaveLength(1);
    expect(pipelines[0]).toMatchObject({ id: created.pipelineId, name: "New business", position: 0, frameworkKey: "meddpicc" });
    const defaults = pipelineFor(FRAMEWORKS.meddpicc);
    expect(pipelines[0]?.stages.map((s) => [s.key, s.exit])).toEqual(defaults.stages.map((s) => [s.id, s.exit]));

    const settings = await loadQualificationSettings(db(), created.organization.id, null);
    expect(settings.pipelineId).toBe(created.pipelineId);
    expect(settings.pipelineIsDefault).toBe(true);

    const admin = await db().user.findUniqueOrThrow({ where: { id: created.admin.id } });
    expect(admin).toMatchObject({ organizationId: created.organization.id, role: "admin", email: created.admin.email });
    expect(admin.email).toBe(admin.email.toLowerCase());
    expect(await bcrypt.compare("a long enough password", admin.passwordHash)).toBe(true);
    expect(created.resetLink).toBeNull();
  });

  it("has a working pipeline: a deal created in it starts in the first stage and that stage's gate applies", async () => {
    const created = await createOrganization(db(), newOrg());
    const admin: SessionUser = {
      ...created.admin,
      role: "admin",
      organizationId: created.organization.id,
      organizationName: created.organization.name,
    };
    actAs(admin);
    const account = await createAccountAction({ name: "First Customer", industry: "SaaS", employeeCount: 300, techStack: [], hiringSignals: [] });
    expect(account?.serverError).toBeUndefined();
    const deal = await createOpportunityAction({ name: "First deal", accountId: account.data!.id, amount: 20_000 });
    expect(deal?.serverError).toBeUndefined();
    const row = await db().opportunity.findUniqueOrThrow({ where: { id: deal.data!.id } });
    expect(row).toMatchObject({ pipelineId: created.pipelineId, stage: "prospecting" });

    // Skipping to Solution crosses Discovery's gate (identified pain), which this new deal has not met.
    const moved = await advanceStageAction({ opportunityId: row.id, toStage: "solution", version: row.version });
    expect(moved?.serverError?.code).toBe("GATE_BLOCKED");
    const { blockers } = moved?.serverError?.details as { blockers: Array<{ stageId: string; criterionId?: string }> };
    expect(blockers).toContainEqual(expect.objectContaining({ stageId: "discovery", criterionId: "identify_pain" }));
    expect((await db().opportunity.findUniqueOrThrow({ where: { id: row.id } })).stage).toBe("prospecting");
  });

  it("without a password, the admin gets a one-time link that sets one", async () => {
    const created = await createOrganization(db(), newOrg(unique(), null));
    expect(created.resetLink).toMatch(/\/reset-password\/[A-Za-z0-9_-]{20,}$/);
    const before = await db().user.findUniqueOrThrow({ where: { id: created.admin.id } });
    expect(before.passwordHash).not.toMatch(/^\$2[aby]\$/); // no bcrypt hash: no password signs in until the link is used

    const token = created.resetLink!.split("/").at(-1)!;
    await resetPassword({ token, newPassword: "chosen at first sign-in", confirmPassword: "chosen at first sign-in" });
    const after = await db().user.findUniqueOrThrow({ where: { id: created.admin.id } });
    expect(await bcrypt.compare("chosen at first sign-in", after.passwordHash)).toBe(true);
  });

  it("refuses a slug or an admin email already taken, on its field, and leaves nothing half-made", async () => {
    const first = await createOrganization(db(), newOrg());
    const sameSlug = await refusal(createOrganization(db(), { ...newOrg(), slug: first.organization.slug }));
    expect(sameSlug).toMatchObject({ code: "INVALID", details: { fieldErrors: { slug: [expect.stringContaining(first.organization.slug)] } } });

    const suffix = unique();
    const sameEmail = await refusal(
      createOrganization(db(), { ...newOrg(suffix), admin: { name: "Other", email: first.admin.email.toUpperCase() } }),
    );
    expect(sameEmail).toMatchObject({ code: "INVALID", details: { fieldErrors: { adminEmail: [expect.any(String)] } } });
    // The organization and pipeline written before the admin failed are rolled back with it.
    expect(await db().organization.count({ where: { slug: `acme-${suffix}` } })).toBe(0);
  });
});
