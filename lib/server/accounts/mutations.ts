import "server-only";
import type { z } from "zod";
import type { createAccountSchema, updateAccountSchema } from "../../validation/account";
import { recordAudit } from "../audit";
import { db } from "../db";
import { AppError, isUniqueViolation, notFound } from "../errors";
import { resurfaceIn } from "../nurture/resurface";
import { rescoreAccount } from "../qualification/account-assessment";
import { assertMayActOn, inOrg } from "../scope";
import type { SessionUser } from "../session";

const duplicateDomain = (domain: string | null) =>
  new AppError("INVALID", `Another account already uses the domain ${domain}.`, {
    fieldErrors: { domain: ["This domain belongs to another account."] },
  });

export async function createAccount(user: SessionUser, input: z.infer<typeof createAccountSchema>) {
  try {
    return await db().$transaction(async (tx) => {
      const account = await tx.account.create({
        data: { ...input, organizationId: user.organizationId, ownerId: user.id },
      });
      await rescoreAccount(tx, user.organizationId, account.id, "account_created");
      await recordAudit(tx, {
        organizationId: user.organizationId,
        actorId: user.id,
        entityType: "account",
        entityId: account.id,
        action: "create",
        after: account,
      });
      return account;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw duplicateDomain(input.domain);
    throw error;
  }
}

const signalsMoved = (a: { fundingStage: string | null; hiringSignals: string[] }, b: { fundingStage: string | null; hiringSignals: string[] }) =>
  a.fundingStage !== b.fundingStage || [...a.hiringSignals].sort().join("\n") !== [...b.hiringSignals].sort().join("\n");

export async function updateAccount(user: SessionUser, input: z.infer<typeof updateAccountSchema>) {
  const { id, ...fields } = input;
  try {
    return await db().$transaction(async (tx) => {
      const before = await tx.account.findFirst({ where: inOrg(user, { id }) });
      if (!before) throw notFound("Account");
      assertMayActOn(user, "account.update", before);
      const after = await tx.account.update({ where: { id }, data: fields });
      await rescoreAccount(tx, user.organizationId, id, "account_updated");
      await recordAudit(tx, {
        organizationId: user.organizationId,
        actorId: user.id,
        entityType: "account",
        entityId: id,
        action: "update",
        before,
        after,
      });
      // A watched signal moved: parked deals on the account and leads at its domain come back now, not at the next hourly pass.
      if (signalsMoved(before, after)) await resurfaceIn(tx, user.organizationId, new Date(), { accountId: id, domain: after.domain });
      return after;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw duplicateDomain(input.domain);
    throw error;
  }
}
