import "server-only";
import { z } from "zod";

/**
 * What the API returns, as zod schemas: the OpenAPI document is generated from them and the contract tests
 * check every response against that document. Mappers turn rows into exactly these shapes.
 */
const timestamp = z.iso.datetime({ offset: true });
const day = z.iso.date().nullable();
const iso = (d: Date) => d.toISOString();
const isoOrNull = (d: Date | null) => (d ? d.toISOString() : null);
const dayOrNull = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : null);

export const accountResource = z.object({
  id: z.string(),
  name: z.string(),
  domain: z.string().nullable(),
  industry: z.string().nullable(),
  employeeCount: z.int().nullable(),
  country: z.string().nullable(),
  region: z.string().nullable(),
  techStack: z.array(z.string()),
  fundingStage: z.string().nullable(),
  hiringSignals: z.array(z.string()),
  ownerId: z.string(),
  createdAt: timestamp,
  updatedAt: timestamp,
});
type AccountRow = Omit<z.infer<typeof accountResource>, "createdAt" | "updatedAt"> & { createdAt: Date; updatedAt: Date };
export const toAccount = (r: AccountRow): z.infer<typeof accountResource> => ({
  id: r.id,
  name: r.name,
  domain: r.domain,
  industry: r.industry,
  employeeCount: r.employeeCount,
  country: r.country,
  region: r.region,
  techStack: r.techStack,
  fundingStage: r.fundingStage,
  hiringSignals: r.hiringSignals,
  ownerId: r.ownerId,
  createdAt: iso(r.createdAt),
  updatedAt: iso(r.updatedAt),
});

export const contactResource = z.object({
  id: z.string(),
  accountId: z.string(),
  name: z.string(),
  title: z.string().nullable(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  createdAt: timestamp,
  updatedAt: timestamp,
});
type ContactRow = Omit<z.infer<typeof contactResource>, "createdAt" | "updatedAt"> & { createdAt: Date; updatedAt: Date };
export const toContact = (r: ContactRow): z.infer<typeof contactResource> => ({
  id: r.id,
  accountId: r.accountId,
  name: r.name,
  title: r.title,
  email: r.email,
  phone: r.phone,
  createdAt: iso(r.createdAt),
  updatedAt: iso(r.updatedAt),
});

export const opportunityResource = z.object({
  id: z.string(),
  pipelineId: z.string().describe("The pipeline whose stages and gates the deal follows (GET /pipelines)."),
  accountId: z.string(),
  ownerId: z.string(),
  name: z.string(),
  amount: z.number(),
  currency: z.string(),
  stage: z.string(),
  status: z.enum(["open", "won", "lost"]),
  expectedCloseDate: day,
  repConfidence: z.int().nullable(),
  version: z.int().describe("Send it back (or as If-Match) when you change the deal; a stale version gets 409 CONFLICT."),
  lastActivityAt: timestamp,
  createdAt: timestamp,
  updatedAt: timestamp,
});
interface OpportunityRow {
  id: string;
  pipelineId: string;
  accountId: string;
  ownerId: string;
  name: string;
  amount: { toString(): string };
  currency: string;
  stage: string;
  status: "open" | "won" | "lost";
  expectedCloseDate: Date | null;
  repConfidence: number | null;
  version: number;
  lastActivityAt: Date;
  createdAt: Date;
  updatedAt: Date;
}
export const toOpportunity = (r: OpportunityRow): z.infer<typeof opportunityResource> => ({
  id: r.id,
  pipelineId: r.pipelineId,
  accountId: r.accountId,
  ownerId: r.ownerId,
  name: r.name,
  amount: Number(r.amount.toString()),
  currency: r.currency,
  stage: r.stage,
  status: r.status,
  expectedCloseDate: dayOrNull(r.expectedCloseDate),
  repConfidence: r.repConfidence,
  version: r.version,
  lastActivityAt: iso(r.lastActivityAt),
  createdAt: iso(r.createdAt),
  updatedAt: iso(r.updatedAt),
});

export const blockerResource = z.object({
  stageId: z.string(),
  code: z.string(),
  criterionId: z.string().optional(),
  role: z.string().optional(),
  message: z.string(),
});

export const stageChangeResultResource = z.object({
  id: z.string(),
  stage: z.string(),
  outcome: z.enum(["allowed", "overridden"]),
  overridden: z.array(blockerResource),
  opportunity: opportunityResource,
});

export const stageChangeResource = z.object({
  id: z.string(),
  fromStage: z.string(),
  toStage: z.string(),
  actorId: z.string(),
  outcome: z.enum(["allowed", "overridden"]),
  blockers: z.array(blockerResource),
  reason: z.string().nullable(),
  at: timestamp,
});
export const toStageChange = (r: {
  id: string;
  fromStage: string;
  toStage: string;
  actorId: string;
  outcome: "allowed" | "overridden";
  blockers: unknown;
  reason: string | null;
  at: Date;
}) => ({
  id: r.id,
  fromStage: r.fromStage,
  toStage: r.toStage,
  actorId: r.actorId,
  outcome: r.outcome,
  blockers: Array.isArray(r.blockers) ? (r.blockers as Array<z.infer<typeof blockerResource>>) : [],
  reason: r.reason,
  at: iso(r.at),
});

export const overrideResource = z.object({
  id: z.string(),
  stageKey: z.string(),
  byId: z.string(),
  reason: z.string(),
  expiresAt: timestamp,
  createdAt: timestamp,
  revokedAt: timestamp.nullable(),
});
export const toOverride = (r: {
  id: string;
  stageKey: string;
  byId: string;
  reason: string;
  expiresAt: Date;
  createdAt: Date;
  revokedAt: Date | null;
}) => ({
  id: r.id,
  stageKey: r.stageKey,
  byId: r.byId,
  reason: r.reason,
  expiresAt: iso(r.expiresAt),
  createdAt: iso(r.createdAt),
  revokedAt: isoOrNull(r.revokedAt),
});

export const evidenceResource = z.object({
  id: z.string(),
  criterionId: z.string(),
  state: z.string(),
  excerpt: z.string(),
  noteId: z.string().nullable(),
  contactId: z.string().nullable(),
  basis: z
    .enum(["self_attested", "contact_statement", "document", "buyer_confirmed", "manager_reviewed"])
    .describe("How it is known: the rep's word, a fitting contact, a document, the buyer, a manager's review."),
  documentRef: z.string().nullable(),
  capturedAt: timestamp,
  capturedById: z.string(),
  verifiedById: z.string().nullable(),
  verifiedAt: timestamp.nullable(),
  reviewedById: z.string().nullable(),
  reviewedAt: timestamp.nullable(),
});
type EvidenceRow = Omit<z.infer<typeof evidenceResource>, "capturedAt" | "verifiedAt" | "reviewedAt"> & {
  capturedAt: Date;
  verifiedAt: Date | null;
  reviewedAt: Date | null;
};
export const toEvidence = (r: EvidenceRow): z.infer<typeof evidenceResource> => ({
  id: r.id,
  criterionId: r.criterionId,
  state: r.state,
  excerpt: r.excerpt,
  noteId: r.noteId,
  contactId: r.contactId,
  basis: r.basis,
  documentRef: r.documentRef,
  capturedAt: iso(r.capturedAt),
  capturedById: r.capturedById,
  verifiedById: r.verifiedById,
  verifiedAt: isoOrNull(r.verifiedAt),
  reviewedById: r.reviewedById,
  reviewedAt: isoOrNull(r.reviewedAt),
});

export const noteResource = z.object({
  id: z.string(),
  opportunityId: z.string().nullable(),
  accountId: z.string().nullable(),
  authorId: z.string(),
  body: z.string(),
  createdAt: timestamp,
  evidence: z.array(evidenceResource),
});

export const criterionResource = z.object({ criterionId: z.string(), state: z.string(), evidence: z.array(evidenceResource) });

export const stakeholderResource = z.object({
  id: z.string(),
  contactId: z.string(),
  contactName: z.string(),
  role: z.string(),
  lastEngagedAt: timestamp.nullable(),
  championTested: z.boolean(),
  addedAt: timestamp,
});

/** The engine's explained result for one deal, as the deal page shows it. */
export const assessmentResource = z.object({
  opportunityId: z.string(),
  stage: z.string(),
  fit: z.looseObject({ score: z.int(), potential: z.int(), icpVersion: z.int() }),
  intent: z.looseObject({ score: z.int(), coverage: z.number() }),
  verdict: z.looseObject({ verdict: z.string() }),
  flags: z.array(z.looseObject({})),
  nextGate: z.looseObject({ allowed: z.boolean(), blockers: z.array(z.looseObject({ message: z.string() })) }).nullable(),
  questions: z.array(z.looseObject({})),
  wishcasting: z.looseObject({}).nullable().describe("The gap between the rep's confidence and what the evidence supports, when there is one."),
  discount: z.looseObject({}).nullable().describe("Why the qualification-adjusted forecast discounts this deal, when it does."),
  reassessAt: timestamp
    .nullable()
    .describe(
      "The first instant at which time alone (stale evidence, a quiet deal, a passed close date) may change this assessment; null when nothing in it depends on time.",
    ),
});

export const icpVersionResource = z.looseObject({ id: z.string(), version: z.int() });

export const auditEventResource = z.object({
  id: z.string(),
  actorId: z.string().nullable(),
  apiKeyId: z.string().nullable(),
  entityType: z.string(),
  entityId: z.string(),
  action: z.string(),
  before: z.unknown(),
  after: z.unknown(),
  reason: z.string().nullable(),
  at: timestamp,
});

export const listOf = <T extends z.ZodType>(item: T) =>
  z.object({ data: z.array(item), nextCursor: z.string().nullable().describe("Pass as `cursor` for the next page; null on the last page.") });

export const problemResource = z.looseObject({
  type: z.string(),
  title: z.string(),
  status: z.int(),
  detail: z.string(),
  code: z.enum([
    "UNAUTHENTICATED",
    "FORBIDDEN",
    "NOT_FOUND",
    "CONFLICT",
    "GATE_BLOCKED",
    "INVALID",
    "INTERNAL",
    "RATE_LIMITED",
    "PAYLOAD_TOO_LARGE",
    "UNSUPPORTED_MEDIA_TYPE",
    "METHOD_NOT_ALLOWED",
    "IDEMPOTENCY_MISMATCH",
  ]),
  errors: z
    .array(z.object({ path: z.string(), message: z.string() }))
    .optional()
    .describe("INVALID: what is wrong, per dotted field path."),
  blockers: z.array(blockerResource).optional().describe("GATE_BLOCKED: every unmet exit requirement."),
  currentVersion: z.int().optional().describe("CONFLICT: the version the record has now."),
});

export const leadResource = z.object({
  id: z.string(),
  source: z.enum(["intake_form", "import", "manual", "api"]),
  status: z.enum(["new", "accepted", "nurturing", "disqualified", "duplicate"]),
  name: z.string(),
  email: z.string().nullable(),
  title: z.string().nullable(),
  phone: z.string().nullable(),
  companyName: z.string(),
  domain: z.string().nullable(),
  industry: z.string().nullable(),
  employeeCount: z.int().nullable(),
  country: z.string().nullable(),
  region: z.string().nullable(),
  fundingStage: z.string().nullable(),
  techStack: z.array(z.string()),
  hiringSignals: z.array(z.string()),
  answers: z
    .array(z.looseObject({ questionId: z.string(), answer: z.string() }))
    .describe("The qualifying answers, with the criterion or ICP attribute each maps to."),
  fit: z.int(),
  intent: z.int(),
  verdict: z.enum(["pursue", "nurture", "disqualify"]),
  reasons: z.array(z.unknown()),
  icpVersion: z.int(),
  ownerId: z.string().nullable(),
  routedBy: z.string().nullable().describe("How the owner was chosen: creator, a routing rule or round_robin."),
  resumeOn: day,
  watchFor: z.string().nullable(),
  disqualifyReason: z.string().nullable(),
  duplicateOfId: z.string().nullable(),
  submissions: z.int(),
  convertedAt: timestamp.nullable(),
  accountId: z.string().nullable(),
  contactId: z.string().nullable(),
  opportunityId: z.string().nullable(),
  createdAt: timestamp,
  updatedAt: timestamp,
});
interface LeadRow {
  id: string;
  source: z.infer<typeof leadResource>["source"];
  status: z.infer<typeof leadResource>["status"];
  name: string;
  email: string | null;
  title: string | null;
  phone: string | null;
  companyName: string;
  domain: string | null;
  industry: string | null;
  employeeCount: number | null;
  country: string | null;
  region: string | null;
  fundingStage: string | null;
  techStack: string[];
  hiringSignals: string[];
  answers: unknown;
  fit: number;
  intent: number;
  verdict: string;
  reasons: unknown;
  icpVersion: number;
  ownerId: string | null;
  routedBy: string | null;
  resumeOn: Date | null;
  watchFor: string | null;
  disqualifyReason: string | null;
  duplicateOfId: string | null;
  submissions: number;
  convertedAt: Date | null;
  accountId: string | null;
  contactId: string | null;
  opportunityId: string | null;
  createdAt: Date;
  updatedAt: Date;
}
export const toLead = (r: LeadRow): z.infer<typeof leadResource> => ({
  id: r.id,
  source: r.source,
  status: r.status,
  name: r.name,
  email: r.email,
  title: r.title,
  phone: r.phone,
  companyName: r.companyName,
  domain: r.domain,
  industry: r.industry,
  employeeCount: r.employeeCount,
  country: r.country,
  region: r.region,
  fundingStage: r.fundingStage,
  techStack: r.techStack,
  hiringSignals: r.hiringSignals,
  answers: Array.isArray(r.answers) ? (r.answers as z.infer<typeof leadResource>["answers"]) : [],
  fit: r.fit,
  intent: r.intent,
  verdict: r.verdict as z.infer<typeof leadResource>["verdict"],
  reasons: Array.isArray(r.reasons) ? (r.reasons as unknown[]) : [],
  icpVersion: r.icpVersion,
  ownerId: r.ownerId,
  routedBy: r.routedBy,
  resumeOn: dayOrNull(r.resumeOn),
  watchFor: r.watchFor,
  disqualifyReason: r.disqualifyReason,
  duplicateOfId: r.duplicateOfId,
  submissions: r.submissions,
  convertedAt: isoOrNull(r.convertedAt),
  accountId: r.accountId,
  contactId: r.contactId,
  opportunityId: r.opportunityId,
  createdAt: iso(r.createdAt),
  updatedAt: iso(r.updatedAt),
});

export const importResource = z.object({
  id: z.string(),
  kind: z.string(),
  fileName: z.string(),
  headers: z.array(z.string()),
  status: z.string().describe("uploaded | dry_run_queued | dry_running | dry_run_done | queued | running | done | failed"),
  total: z.int(),
  processed: z.int(),
  created: z.int(),
  updated: z.int(),
  duplicates: z.int(),
  errors: z.int(),
  message: z.string().nullable(),
  createdAt: timestamp,
  startedAt: timestamp.nullable(),
  finishedAt: timestamp.nullable(),
});
export const toImport = (
  r: Omit<z.infer<typeof importResource>, "createdAt" | "startedAt" | "finishedAt"> & {
    createdAt: Date;
    startedAt: Date | null;
    finishedAt: Date | null;
  },
): z.infer<typeof importResource> => ({
  id: r.id,
  kind: r.kind,
  fileName: r.fileName,
  headers: r.headers,
  status: r.status,
  total: r.total,
  processed: r.processed,
  created: r.created,
  updated: r.updated,
  duplicates: r.duplicates,
  errors: r.errors,
  message: r.message,
  createdAt: iso(r.createdAt),
  startedAt: isoOrNull(r.startedAt),
  finishedAt: isoOrNull(r.finishedAt),
});

export const bulkReportResource = z.object({
  done: z.array(z.string()).describe("Ids of the records changed."),
  refused: z
    .array(z.object({ id: z.string(), code: z.enum(["NOT_FOUND", "FORBIDDEN", "CONFLICT"]), message: z.string() }))
    .describe(
      "Records left as they were, each with the single-record rule's answer. When every record is refused the request fails with the first answer instead.",
    ),
});
