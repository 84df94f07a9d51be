import "server-only";
import type { AuditFilter } from "../../validation/audit";
import { db } from "../db";
import { forbidden } from "../errors";
import { can } from "../../permissions";
import type { SessionUser } from "../session";

export const AUDIT_PAGE_SIZE = 50;
/** An export is capped, so one click cannot pull an unbounded table through one request. */
const AUDIT_EXPORT_LIMIT = 50_000;

function whereOf(user: SessionUser, filter: AuditFilter) {
  return {
    organizationId: user.organizationId,
    ...(filter.actor ? { actorId: filter.actor } : {}),
    ...(filter.entity ? { entityType: filter.entity } : {}),
    ...(filter.action ? { action: filter.action } : {}),
    ...(filter.from || filter.to
      ? {
          at: {
            ...(filter.from ? { gte: new Date(`${filter.from}T00:00:00Z`) } : {}),
            ...(filter.to ? { lt: new Date(new Date(`${filter.to}T00:00:00Z`).getTime() + 86_400_000) } : {}),
          },
        }
      : {}),
  };
}

function assertMayRead(user: SessionUser) {
  if (!can(user.role, "audit.read")) throw forbidden("Only admins can read the audit log.");
}

/** One page of the organization's audit trail, newest first, with the choices the filters offer. */
export async function listAuditEvents(user: SessionUser, filter: AuditFilter) {
  assertMayRead(user);
  const where = whereOf(user, filter);
  const [events, total, actors, kinds] = await Promise.all([
    db().auditEvent.findMany({
      where,
      orderBy: [{ at: "desc" }, { id: "desc" }],
      skip: (filter.page - 1) * AUDIT_PAGE_SIZE,
      take: AUDIT_PAGE_SIZE,
      include: { actor: { select: { name: true } } },
    }),
    db().auditEvent.count({ where }),
    db().user.findMany({ where: { organizationId: user.organizationId }, select: { id: true, name: true }, orderBy: { name: "asc" } }),
    db().auditEvent.groupBy({ by: ["entityType", "action"], where: { organizationId: user.organizationId } }),
  ]);
  return {
    events,
    total,
    actors,
    entities: [...new Set(kinds.map((k) => k.entityType))].sort(),
    actions: [...new Set(kinds.map((k) => k.action))].sort(),
  };
}

/** A spreadsheet cell must not start a formula: =, +, - and @ get a leading apostrophe. */
export function csvCell(value: unknown): string {
  const text = value === null || value === undefined ? "" : typeof value === "string" ? value : JSON.stringify(value);
  const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return /[",\n\r]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/** The filtered audit trail as CSV (oldest first, so it reads as a history). */
export async function exportAuditCsv(user: SessionUser, filter: AuditFilter): Promise<string> {
  assertMayRead(user);
  const rows = await db().auditEvent.findMany({
    where: whereOf(user, filter),
    orderBy: [{ at: "asc" }, { id: "asc" }],
    take: AUDIT_EXPORT_LIMIT,
    include: { actor: { select: { name: true, email: true } } },
  });
  const header = ["at", "actor", "actor_email", "entity_type", "entity_id", "action", "reason", "before", "after"];
  const lines = rows.map((r) =>
    [r.at.toISOString(), r.actor?.name ?? "system", r.actor?.email ?? "", r.entityType, r.entityId, r.action, r.reason, r.before, r.after]
      .map(csvCell)
      .join(","),
  );
  return [header.join(","), ...lines].join("\r\n") + "\r\n";
}
