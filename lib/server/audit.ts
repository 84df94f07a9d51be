import "server-only";
import type { Prisma } from "./generated/prisma/client";
import type { Tx } from "./db";

export interface AuditEntry {
  organizationId: string;
  actorId: string | null;
  entityType: "account" | "contact" | "opportunity" | "note" | "user" | "icp" | "pipeline" | "criterion" | "stakeholder" | "override";
  entityId: string;
  action: string;
  before?: unknown;
  after?: unknown;
  reason?: string | null;
}

/** Written inside the caller's transaction, so a change and its audit row commit or fail together. */
export async function recordAudit(tx: Tx, entry: AuditEntry): Promise<void> {
  await tx.auditEvent.create({
    data: {
      organizationId: entry.organizationId,
      actorId: entry.actorId,
      entityType: entry.entityType,
      entityId: entry.entityId,
      action: entry.action,
      before: toJson(entry.before),
      after: toJson(entry.after),
      reason: entry.reason ?? null,
    },
  });
}

/** Dates, Decimals and the like become their JSON form; undefined stays absent. */
function toJson(value: unknown): Prisma.InputJsonValue | undefined {
  return value === undefined ? undefined : (JSON.parse(JSON.stringify(value)) as Prisma.InputJsonValue);
}
