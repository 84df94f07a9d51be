import "server-only";
import type { Tx } from "../db";
import type { Prisma } from "../generated/prisma/client";
import type { LeadRecordFields } from "../../validation/lead";
import type { leadScoreColumns } from "./scoring";

/**
 * One new Lead row as `writeLeads` builds it. Built on the lead's fields and the engine's columns, so a field added
 * there is a type error in `LEAD_COLUMNS` until the insert carries it too.
 */
export interface LeadInsertRow extends LeadRecordFields, Omit<ReturnType<typeof leadScoreColumns>["columns"], "watchedSignals"> {
  id: string;
  organizationId: string;
  source: string;
  status: string;
  answers: unknown;
  watchedSignals: Prisma.InputJsonValue | null;
  submissions: number;
  ownerId: string | null;
  routedBy: string | null;
  importJobId: string | null;
  createdAt: Date;
  updatedAt: Date;
}

type Column = "text" | "int" | "jsonb" | "text[]" | "timestamp" | "date" | "LeadSource" | "LeadStatus";

/** Every column of the insert and how its array parameter is cast (a key missing here is a type error). */
const LEAD_COLUMNS: { [K in keyof LeadInsertRow]-?: Column } = {
  id: "text",
  organizationId: "text",
  source: "LeadSource",
  status: "LeadStatus",
  name: "text",
  email: "text",
  title: "text",
  phone: "text",
  companyName: "text",
  domain: "text",
  industry: "text",
  employeeCount: "int",
  country: "text",
  region: "text",
  fundingStage: "text",
  techStack: "text[]",
  hiringSignals: "text[]",
  answers: "jsonb",
  fit: "int",
  intent: "int",
  verdict: "text",
  reasons: "jsonb",
  icpVersion: "int",
  scoredAt: "timestamp",
  ownerId: "text",
  routedBy: "text",
  resumeOn: "date",
  watchFor: "text",
  watchedSignals: "jsonb",
  disqualifyReason: "text",
  submissions: "int",
  importJobId: "text",
  createdAt: "timestamp",
  updatedAt: "timestamp",
};
const COLUMNS = Object.entries(LEAD_COLUMNS) as [keyof LeadInsertRow, Column][];

/** A text[] cell as one array literal: unnest would flatten an array of arrays into one list. */
function arrayLiteral(values: string[]): string {
  return `{${values.map((v) => `"${v.replace(/["\\]/g, "\\$&")}"`).join(",")}}`;
}

function cell(value: unknown, type: Column): string | number | null {
  if (value === null || value === undefined) return null;
  switch (type) {
    case "int":
      return value as number;
    case "jsonb":
      return JSON.stringify(value);
    case "text[]":
      return arrayLiteral(value as string[]);
    case "timestamp":
    case "date":
      return (value as Date).toISOString();
    case "text":
    case "LeadSource":
    case "LeadStatus":
      return value as string;
  }
}

/** The select expression that turns one unnested parameter element into the column's type. */
function cast(name: string, type: Column): string {
  switch (type) {
    case "int":
    case "text":
      return `u."${name}"`;
    case "jsonb":
      return `u."${name}"::jsonb`;
    case "text[]":
      return `u."${name}"::text[]`;
    case "timestamp":
      return `u."${name}"::timestamp(3)`;
    case "date":
      return `u."${name}"::date`;
    case "LeadSource":
    case "LeadStatus":
      return `u."${name}"::"${type}"`;
  }
}

const N = COLUMNS.length;
/**
 * One statement per batch: the leads from one typed array per column (`unnest`), and one audit row per created
 * lead made from what was inserted (`RETURNING`), so the audit log names every lead without a second payload.
 */
const STATEMENT = `
WITH lead AS (
  INSERT INTO "Lead" (${COLUMNS.map(([name]) => `"${name}"`).join(", ")})
  SELECT ${COLUMNS.map(([name, type]) => cast(name, type)).join(", ")}
  FROM unnest(${COLUMNS.map(([, type], i) => `$${i + 1}::${type === "int" ? "int" : "text"}[]`).join(", ")})
    AS u(${COLUMNS.map(([name]) => `"${name}"`).join(", ")})
  RETURNING "id", "organizationId", "source", "status", "verdict", "fit", "ownerId", "createdAt"
)
INSERT INTO "AuditEvent" ("id", "organizationId", "actorId", "apiKeyId", "entityType", "entityId", "action", "at", "after")
SELECT a.id, lead."organizationId", $${N + 3}::text, $${N + 4}::text, 'lead', lead.id, 'create', lead."createdAt",
  jsonb_build_object('source', lead.source, 'status', lead.status, 'verdict', lead.verdict, 'fit', lead.fit, 'ownerId', lead."ownerId")
FROM lead JOIN unnest($${N + 1}::text[], $${N + 2}::text[]) AS a(lead_id, id) ON a.lead_id = lead.id`;

/**
 * Inserts the leads and their `create` audit rows (actor, API key, the lead's source, status, verdict, fit and
 * owner, at the lead's creation time) in one round trip of the caller's transaction.
 */
export async function insertLeadsWithAudit(
  tx: Tx,
  rows: LeadInsertRow[],
  audit: { ids: string[]; actorId: string | null; apiKeyId: string | null },
): Promise<void> {
  if (rows.length === 0) return;
  const params = COLUMNS.map(([name, type]) => rows.map((row) => cell(row[name], type)));
  await tx.$executeRawUnsafe(
    STATEMENT,
    ...params,
    rows.map((r) => r.id),
    audit.ids,
    audit.actorId,
    audit.apiKeyId,
  );
}
