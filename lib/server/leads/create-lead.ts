import "server-only";
import type { z } from "zod";
import { can } from "../../permissions";
import type { createLeadSchema } from "../../validation/lead";
import { toLeadAnswers } from "../../qualification/leads";
import { db } from "../db";
import { forbidden } from "../errors";
import { loadIntakeConfig } from "../intake/config";
import { loadQualificationSettings } from "../qualification/settings";
import { currentApiKeyId } from "../request-context";
import type { SessionUser } from "../session";
import { writeLeads } from "./write";

/** A lead entered by hand (source manual) or sent through the API with a key (source api): scored at once; a rep who enters it owns it, anyone else's lead is routed. */
export async function createLead(user: SessionUser, input: z.infer<typeof createLeadSchema>, now = new Date()) {
  if (!can(user.role, "lead.create")) throw forbidden();
  const settings = await loadQualificationSettings(db(), user.organizationId, null);
  const config = await loadIntakeConfig(db(), user.organizationId, settings);
  const { answers, ...fields } = input;
  return db().$transaction(async (tx) => {
    const [lead] = await writeLeads(
      tx,
      { organizationId: user.organizationId, actorId: user.id, source: currentApiKeyId() ? "api" : "manual", settings, routing: config.routing, now },
      [{ fields, answers: toLeadAnswers(config.questions, answers), ownerId: user.role === "rep" ? user.id : null }],
    );
    if (!lead) throw new Error("lead insert returned nothing");
    return lead;
  });
}
