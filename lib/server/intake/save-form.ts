import "server-only";
import { can } from "../../permissions";
import type { IntakeFormInput } from "../../validation/lead";
import { recordAudit } from "../audit";
import { db } from "../db";
import { AppError, forbidden } from "../errors";
import { asJson } from "../json";
import { loadQualificationSettings } from "../qualification/settings";
import type { SessionUser } from "../session";

/** Saves the organization's public form after checking each question's criterion and each routing owner. */
export async function saveIntakeForm(user: SessionUser, input: IntakeFormInput) {
  if (!can(user.role, "intake.configure")) throw forbidden();
  const settings = await loadQualificationSettings(db(), user.organizationId, null);
  const criteria = new Set(settings.framework.criteria.map((c) => c.id));
  const fieldErrors: Record<string, string[]> = {};
  input.questions.forEach((q, i) => {
    if (q.target.kind === "criterion" && !criteria.has(q.target.criterionId)) {
      fieldErrors[`questions.${i}`] = [`"${q.label}" maps to a criterion ${settings.framework.name} does not have.`];
    }
  });
  if (input.routing.mode === "rules") {
    const ownerIds = [...new Set(input.routing.rules.map((r) => r.ownerId))];
    const reps = await db().user.count({ where: { organizationId: user.organizationId, role: "rep", id: { in: ownerIds } } });
    if (reps !== ownerIds.length) fieldErrors.routing = ["Every routing rule must name a rep of this organization."];
  }
  if (Object.keys(fieldErrors).length > 0) throw new AppError("INVALID", "The form was not saved.", { fieldErrors });
  return db().$transaction(async (tx) => {
    const before = await tx.intakeForm.findUnique({ where: { organizationId: user.organizationId } });
    const data = {
      enabled: input.enabled,
      title: input.title,
      intro: input.intro,
      fields: input.fields,
      questions: asJson(input.questions),
      routing: asJson(input.routing),
      duplicateWindowDays: input.duplicateWindowDays,
      updatedById: user.id,
    };
    const after = await tx.intakeForm.upsert({
      where: { organizationId: user.organizationId },
      create: { organizationId: user.organizationId, ...data },
      update: data,
    });
    await recordAudit(tx, {
      organizationId: user.organizationId,
      actorId: user.id,
      entityType: "intake_form",
      entityId: after.id,
      action: before ? "update" : "create",
      before,
      after,
    });
    return after;
  });
}
