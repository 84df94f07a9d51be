import "server-only";
import type { Tx } from "./db";
import { asJson } from "./json";
import { currentApiKeyId } from "./request-context";

export interface AuditEntry {
  organizationId: string;
  actorId: string | null;
  entityType:
    | "account"
    | "contact"
    | "opportunity"
    | "note"
    | "user"
    | "icp"
    | "pipeline"
    | "criterion"
    | "stakeholder"
    | "override"
    | "evidence"
    | "recap"
    | "lead"
    | "intake_form"
    | "import"
    | "api_key"
    | "webhook";
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
      before: entry.before === undefined ? undefined : asJson(entry.before),
      after: entry.after === undefined ? undefined : asJson(entry.after),
      reason: entry.reason ?? null,
      apiKeyId: currentApiKeyId(),
    },
  });
}
