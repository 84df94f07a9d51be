import "server-only";
import { createHash } from "node:crypto";
import { db } from "../db";
import { isUniqueViolation } from "../errors";
import { asJson } from "../json";

export interface StoredResponse {
  status: number;
  body: unknown;
}

export type IdempotencyClaim =
  { kind: "fresh"; id: string } | { kind: "replay"; response: StoredResponse } | { kind: "mismatch" } | { kind: "in_progress" };

export const requestHash = (method: string, path: string, body: string) => createHash("sha256").update(`${method} ${path}\n${body}`).digest("hex");

/**
 * Claims an Idempotency-Key before the request runs (the unique index makes a concurrent retry wait its turn
 * rather than run twice). A finished key replays its stored response; the same key with another body is refused.
 */
export async function claimIdempotencyKey(apiKeyId: string, key: string, hash: string): Promise<IdempotencyClaim> {
  try {
    const row = await db().apiIdempotency.create({ data: { apiKeyId, key, requestHash: hash } });
    return { kind: "fresh", id: row.id };
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
  }
  const existing = await db().apiIdempotency.findUnique({ where: { apiKeyId_key: { apiKeyId, key } } });
  if (!existing) return claimIdempotencyKey(apiKeyId, key, hash);
  if (existing.requestHash !== hash) return { kind: "mismatch" };
  if (existing.status === null) return { kind: "in_progress" };
  return { kind: "replay", response: { status: existing.status, body: existing.responseBody } };
}

/** Successes and refusals are kept for replay; unexpected failures release the key so a retry can run. */
export async function settleIdempotencyKey(id: string, response: StoredResponse): Promise<void> {
  if (response.status >= 500) {
    await db().apiIdempotency.delete({ where: { id } });
    return;
  }
  await db().apiIdempotency.update({ where: { id }, data: { status: response.status, responseBody: asJson(response.body) } });
}
