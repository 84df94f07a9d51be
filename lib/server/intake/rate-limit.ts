import "server-only";
import { createHash } from "node:crypto";

/** The public form's limits, counted by the shared limiter (lib/server/rate-limit.ts). */
export const INTAKE_LIMITS = {
  perIp: { max: 5, windowSeconds: 600 },
  perForm: { max: 300, windowSeconds: 3600 },
} as const;

/** Addresses are kept only as a salted-free short hash: enough to count, not to identify. */
export function ipKey(ip: string): string {
  return createHash("sha256").update(ip).digest("hex").slice(0, 24);
}
