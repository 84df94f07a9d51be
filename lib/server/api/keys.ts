import "server-only";
import { createHash, randomBytes, timingSafeEqual } from "node:crypto";
import type { z } from "zod";
import type { CreateApiKeyInput, revokeApiKeySchema } from "../../validation/integrations";
import { recordAudit } from "../audit";
import { db } from "../db";
import { notFound } from "../errors";
import { inOrg } from "../scope";
import type { SessionUser } from "../session";

const TOKEN_PREFIX = "wnw_";
const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");

/** Only the sha256 of the 256-bit token is stored; the token itself is returned here once and never again. */
export async function createApiKey(user: SessionUser, input: CreateApiKeyInput) {
  const token = `${TOKEN_PREFIX}${randomBytes(32).toString("base64url")}`;
  return db().$transaction(async (tx) => {
    let userId = user.id;
    if (input.actAs === "user") {
      const named = await tx.user.findFirst({ where: inOrg(user, { id: input.userId, deactivatedAt: null }), select: { id: true } });
      if (!named) throw notFound("User");
      userId = named.id;
    }
    const key = await tx.apiKey.create({
      data: {
        organizationId: user.organizationId,
        name: input.name,
        prefix: token.slice(0, 12),
        tokenHash: hashToken(token),
        userId,
        role: input.actAs === "role" ? (input.role ?? null) : null,
        createdById: user.id,
      },
    });
    const { tokenHash: _hash, ...visible } = key;
    await recordAudit(tx, {
      organizationId: user.organizationId,
      actorId: user.id,
      entityType: "api_key",
      entityId: key.id,
      action: "create",
      after: visible,
    });
    return { ...visible, token };
  });
}

export async function revokeApiKey(user: SessionUser, input: z.infer<typeof revokeApiKeySchema>) {
  const result = await db().$transaction(async (tx) => {
    const key = await tx.apiKey.findFirst({ where: inOrg(user, { id: input.keyId }), select: { id: true, revokedAt: true, name: true } });
    if (!key) throw notFound("API key");
    if (key.revokedAt) return { id: key.id, revokedAt: key.revokedAt };
    const revoked = await tx.apiKey.update({ where: { id: key.id }, data: { revokedAt: new Date() }, select: { id: true, revokedAt: true } });
    await recordAudit(tx, {
      organizationId: user.organizationId,
      actorId: user.id,
      entityType: "api_key",
      entityId: key.id,
      action: "revoke",
      before: { name: key.name },
    });
    return revoked;
  });
  // Once committed, so no request of this process can cache the key again as it was.
  forgetCallers((c) => c.keyId === result.id);
  return result;
}

export async function listApiKeys(user: SessionUser) {
  const keys = await db().apiKey.findMany({ where: inOrg(user), orderBy: [{ createdAt: "desc" }, { id: "asc" }], omit: { tokenHash: true } });
  const users = await db().user.findMany({ where: inOrg(user), select: { id: true, name: true } });
  const nameOf = new Map(users.map((u) => [u.id, u.name]));
  return keys.map((k) => ({ ...k, userName: nameOf.get(k.userId) ?? "Former user" }));
}

/** Who a new key may act as: the organization's active users, by name. */
export async function keyUserOptions(user: SessionUser) {
  return db().user.findMany({
    where: inOrg(user, { deactivatedAt: null }),
    select: { id: true, name: true },
    orderBy: [{ name: "asc" }, { id: "asc" }],
    take: 1000,
  });
}

export interface ApiCaller {
  user: SessionUser;
  keyId: string;
  rateLimitPerMinute: number;
}

/**
 * How long this process trusts a key it has looked up, in ms: the delay before a revocation, a deactivation or a
 * role change made through ANOTHER app instance (or straight in the database) reaches this one. Revoking a key,
 * deactivating a user or changing a role in this process takes effect here at once.
 */
export const API_KEY_CACHE_MS = 5_000;
const CACHE_SIZE = 1_000;

interface CachedCaller extends ApiCaller {
  /** The key's owner: a change to them ends the cached callers of all their keys. */
  userId: string;
  lastUsedAt: Date | null;
  until: number;
}

/**
 * Callers by token hash. Stateless instances each keep their own; bounded, oldest out first. Kept on globalThis:
 * Next bundles the API's route handlers and the settings page's server actions separately, each with its own copy
 * of this module, and a revoke in one must empty the cache the other reads.
 */
const shared = globalThis as unknown as { winnowApiCallers?: Map<string, CachedCaller> };
const callers = (shared.winnowApiCallers ??= new Map<string, CachedCaller>());

function forgetCallers(match: (caller: CachedCaller) => boolean): void {
  for (const [hash, caller] of callers) if (match(caller)) callers.delete(hash);
}

/** After a change to a user's role or activity in this process: their keys are looked up afresh. */
export function forgetApiCallersOf(userId: string): void {
  forgetCallers((c) => c.userId === userId);
}

/**
 * The caller behind a bearer token, or null. A named-user key acts with that user's current role; a role key
 * acts with its role only while the admin who made it is still an admin, so demoting them disarms their keys.
 * A key found is trusted for `API_KEY_CACHE_MS` by this process (a refused token is looked up every time).
 */
export async function authenticateToken(token: string, now = new Date()): Promise<ApiCaller | null> {
  if (!token.startsWith(TOKEN_PREFIX) || token.length > 200) return null;
  const hash = hashToken(token);
  let caller = callers.get(hash);
  if (!caller || caller.until <= now.getTime()) {
    callers.delete(hash);
    const found = await lookUp(hash);
    if (!found) return null;
    caller = { ...found, until: now.getTime() + API_KEY_CACHE_MS };
    callers.set(hash, caller);
    if (callers.size > CACHE_SIZE) callers.delete(callers.keys().next().value as string);
  }
  // Written at most once a minute, so a busy key does not turn every read into a write.
  if (!caller.lastUsedAt || now.getTime() - caller.lastUsedAt.getTime() > 60_000) {
    caller.lastUsedAt = now;
    await db().apiKey.update({ where: { id: caller.keyId }, data: { lastUsedAt: now } });
  }
  return { keyId: caller.keyId, rateLimitPerMinute: caller.rateLimitPerMinute, user: caller.user };
}

async function lookUp(hash: string): Promise<Omit<CachedCaller, "until"> | null> {
  const key = await db().apiKey.findUnique({ where: { tokenHash: hash } });
  if (!key || key.revokedAt || !timingSafeEqual(Buffer.from(key.tokenHash), Buffer.from(hash))) return null;
  const user = await db().user.findFirst({ where: { id: key.userId, organizationId: key.organizationId }, include: { organization: true } });
  // A deactivated user's keys stop with their sign-in (and an admin's role keys with the admin).
  if (!user || user.deactivatedAt) return null;
  if (key.role && user.role !== "admin") return null;
  return {
    keyId: key.id,
    userId: user.id,
    lastUsedAt: key.lastUsedAt,
    rateLimitPerMinute: key.rateLimitPerMinute,
    user: {
      id: user.id,
      email: user.email,
      name: user.name,
      role: key.role ?? user.role,
      organizationId: user.organizationId,
      organizationName: user.organization.name,
    },
  };
}
