import type { AccountProfile, OpportunitySnapshot } from "../../qualification";
import type { PrismaClient, Tx } from "../db";
import { notFound } from "../errors";
import type { OpportunityStatus } from "../generated/prisma/client";
import { lostFromStage } from "./snapshot";
import type { StoredState } from "./stored-assessment";

/** One deal of a background batch: the engine's inputs, and what is stored of its last assessment. */
export interface BatchDeal {
  organizationId: string;
  /** The pipeline whose settings score this deal. */
  pipelineId: string;
  ownerId: string;
  /** The deal's optimistic-concurrency version. */
  version: number;
  account: AccountProfile;
  snapshot: OpportunitySnapshot;
  stored: StoredState | null;
}

/** The latest score snapshot of a deal: what a new one is compared with. */
export interface LastSnapshot {
  fit: number;
  intent: number;
  verdict: string;
  stage: string;
}

/**
 * One deal as a write reads it (`loadDeal`): the batch shape plus what lets the write skip further reads. All of
 * it comes from the same statement, so it is one consistent view.
 */
export interface LoadedDeal extends BatchDeal {
  /** Changes whenever anything its settings are built from changes: the key of the settings cache. */
  settingsKey: string;
  /**
   * The stored assessment row's version (PostgreSQL's xmin), or null when none is stored: every write of the
   * row changes it, so a re-score can check that nothing re-scored the deal since this read.
   */
  storedVersion: string | null;
  lastSnapshot: LastSnapshot | null;
  /** The organization's enabled webhook endpoints and their event types (`subscribersAmong` picks from them). */
  webhookEndpoints: Array<{ id: string; events: string[] }>;
}

/** Milliseconds since the epoch as a JSON number; timestamps are stored as UTC without a zone. */
const ms = (column: string) => `(extract(epoch from ${column}) * 1000)::bigint`;

/**
 * Every deal of the batch with everything its assessment reads, as ONE statement returning one JSON text:
 * correlated subqueries per relation (each an index lookup on "opportunityId"), keyset over id. Prisma's
 * include issues one query per relation and builds an object per row of each; here PostgreSQL builds the
 * engine's shape and Node parses one string. The batch's deals are chosen first (the innermost SELECT: a walk of
 * the primary key from the cursor that stops after `size` rows), then joined: joined first, PostgreSQL walked
 * every deal after the cursor, so each batch cost more the earlier it came (O(n) per batch, O(n²) a pass). The
 * status is compared as the enum, whose statistics the planner has (as text it guessed 0.5 % of rows matched
 * and chose to scan and sort them all). Orders match `assessmentInclude` (evidence and committee oldest
 * first, id breaking ties so a batch reads the same way every time).
 */
const BATCH_SQL = `
SELECT coalesce(json_agg(b ORDER BY b.id), '[]')::text AS batch FROM (
  SELECT o.id, o."organizationId", o."pipelineId", o."ownerId", o.version, o.stage, o.status, o.amount::float8 AS amount, o."repConfidence",
    ${ms(`o."expectedCloseDate"`)} AS "expectedCloseDate", ${ms(`o."originalCloseDate"`)} AS "originalCloseDate",
    ${ms(`o."createdAt"`)} AS "createdAt", ${ms(`o."lastActivityAt"`)} AS "lastActivityAt",
    json_build_object('industry', a.industry, 'employeeCount', a."employeeCount", 'country', a.country, 'region', a.region,
      'techStack', a."techStack", 'fundingStage', a."fundingStage", 'hiringSignals', a."hiringSignals") AS account,
    (SELECT json_agg(json_build_object('criterionId', c."criterionId", 'state', c.state))
       FROM "CriterionState" c WHERE c."opportunityId" = o.id) AS criteria,
    (SELECT json_agg(json_build_object('criterionId', e."criterionId", 'noteId', e."noteId", 'excerpt', e.excerpt,
        'contactId', e."contactId", 'capturedAt', ${ms(`e."capturedAt"`)}, 'verifiedBy', e."verifiedById",
        'verifiedAt', ${ms(`e."verifiedAt"`)}, 'basis', e.basis, 'documentRef', e."documentRef",
        'challenged', e."challengedAt" IS NOT NULL) ORDER BY e."capturedAt", e.id)
       FROM "Evidence" e WHERE e."opportunityId" = o.id) AS evidence,
    (SELECT json_agg(json_build_object('contactId', s."contactId", 'name', ct.name, 'role', s.role,
        'lastEngagedAt', ${ms(`s."lastEngagedAt"`)}, 'championTested', s."championTested", 'addedAt', ${ms(`s."addedAt"`)})
        ORDER BY s."addedAt", s.id)
       FROM "Stakeholder" s JOIN "Contact" ct ON ct.id = s."contactId" WHERE s."opportunityId" = o.id) AS stakeholders,
    (SELECT json_agg(json_build_object('stageId', g."stageKey", 'by', g."byId", 'reason', g.reason,
        'expiresAt', ${ms(`g."expiresAt"`)}, 'createdAt', ${ms(`g."createdAt"`)}) ORDER BY g."createdAt", g.id)
       FROM "GateOverride" g WHERE g."opportunityId" = o.id AND g."revokedAt" IS NULL) AS overrides,
    (SELECT json_build_object('fromStage', sc."fromStage", 'toStage', sc."toStage")
       FROM "StageChange" sc WHERE sc."opportunityId" = o.id ORDER BY sc.at DESC LIMIT 1) AS "lastMove",
    CASE WHEN oa."opportunityId" IS NULL THEN NULL
      ELSE json_build_object('contentHash', oa."contentHash", 'reassessAt', ${ms(`oa."reassessAt"`)}) END AS stored,
    CASE WHEN $5::text IS NULL THEN NULL ELSE json_build_object(
      'settingsKey', (SELECT concat_ws('|', p."qualificationVersion", p.name, md5(coalesce(p."requalificationThresholds"::text, '')),
          org."overrideMaxDays", (SELECT max(i.version) FROM "IcpVersion" i WHERE i."organizationId" = o."organizationId"))
        FROM "Pipeline" p JOIN "Organization" org ON org.id = p."organizationId" WHERE p.id = o."pipelineId"),
      'storedVersion', oa.xmin::text,
      'lastSnapshot', (SELECT json_build_object('fit', s.fit, 'intent', s.intent, 'verdict', s.verdict, 'stage', s.stage)
        FROM "ScoreSnapshot" s WHERE s."opportunityId" = o.id ORDER BY s.at DESC LIMIT 1),
      'webhookEndpoints', coalesce((SELECT json_agg(json_build_object('id', w.id, 'events', w.events) ORDER BY w.id)
        FROM "WebhookEndpoint" w WHERE w."organizationId" = o."organizationId" AND w."disabledAt" IS NULL), '[]')
    ) END AS single
  FROM (
    SELECT * FROM "Opportunity" o
    WHERE o."organizationId" = $1 AND ($2::text IS NULL OR o.id > $2::text) AND ($3::text IS NULL OR o.status = $3::"OpportunityStatus")
      AND ($5::text IS NULL OR o.id = $5::text) AND ($6::text IS NULL OR o."pipelineId" = $6::text)
      AND ($7::text[] IS NULL OR o.id = ANY($7::text[]))
    ORDER BY o.id
    LIMIT $4::int
  ) o
  JOIN "Account" a ON a.id = o."accountId"
  LEFT JOIN "OpportunityAssessment" oa ON oa."opportunityId" = o.id
) b`;

interface RawEvidence {
  criterionId: string;
  noteId: string | null;
  excerpt: string;
  contactId: string | null;
  capturedAt: number;
  verifiedBy: string | null;
  verifiedAt: number | null;
  basis: NonNullable<OpportunitySnapshot["criteria"][number]["evidence"][number]["basis"]>;
  documentRef: string | null;
  challenged: boolean;
}

interface RawDeal {
  id: string;
  organizationId: string;
  pipelineId: string;
  ownerId: string;
  version: number;
  stage: string;
  status: OpportunityStatus;
  amount: number;
  repConfidence: number | null;
  expectedCloseDate: number | null;
  originalCloseDate: number | null;
  createdAt: number;
  lastActivityAt: number;
  account: AccountProfile;
  criteria: Array<{ criterionId: string; state: OpportunitySnapshot["criteria"][number]["state"] }> | null;
  evidence: RawEvidence[] | null;
  stakeholders: Array<
    Omit<OpportunitySnapshot["stakeholders"][number], "lastEngagedAt" | "addedAt"> & { lastEngagedAt: number | null; addedAt: number }
  > | null;
  overrides: Array<Omit<OpportunitySnapshot["overrides"][number], "expiresAt" | "createdAt"> & { expiresAt: number; createdAt: number }> | null;
  lastMove: { fromStage: string; toStage: string } | null;
  stored: StoredState | null;
  single: Omit<LoadedDeal, keyof BatchDeal> | null;
}

const date = (msSinceEpoch: number) => new Date(msSinceEpoch);
const maybeDate = (msSinceEpoch: number | null) => (msSinceEpoch === null ? null : new Date(msSinceEpoch));

function toBatchDeal(raw: RawDeal): BatchDeal {
  const evidenceByCriterion = new Map<string, OpportunitySnapshot["criteria"][number]["evidence"]>();
  for (const { criterionId, capturedAt, verifiedAt, ...e } of raw.evidence ?? []) {
    const items = evidenceByCriterion.get(criterionId) ?? [];
    items.push({ ...e, capturedAt: date(capturedAt), verifiedAt: maybeDate(verifiedAt) });
    evidenceByCriterion.set(criterionId, items);
  }
  return {
    organizationId: raw.organizationId,
    pipelineId: raw.pipelineId,
    ownerId: raw.ownerId,
    version: raw.version,
    account: raw.account,
    stored: raw.stored,
    snapshot: {
      id: raw.id,
      stageId: raw.stage,
      status: raw.status,
      amount: raw.amount,
      repConfidence: raw.repConfidence,
      expectedCloseDate: maybeDate(raw.expectedCloseDate),
      originalCloseDate: maybeDate(raw.originalCloseDate),
      createdAt: date(raw.createdAt),
      lastActivityAt: date(raw.lastActivityAt),
      criteria: (raw.criteria ?? []).map((c) => ({ ...c, evidence: evidenceByCriterion.get(c.criterionId) ?? [] })),
      stakeholders: (raw.stakeholders ?? []).map((s) => ({ ...s, lastEngagedAt: maybeDate(s.lastEngagedAt), addedAt: date(s.addedAt) })),
      overrides: (raw.overrides ?? []).map((o) => ({ ...o, expiresAt: date(o.expiresAt), createdAt: date(o.createdAt) })),
      lostFromStageId: lostFromStage(raw.status, raw.stage, raw.lastMove),
    },
  };
}

/** The next `size` deals of an organization after `cursor` (by id), optionally of one status or pipeline, ready to assess. */
export async function loadDealBatch(
  client: PrismaClient | Tx,
  organizationId: string,
  options: { cursor: string | null; status?: OpportunityStatus; pipelineId?: string; size: number; ids?: string[] },
): Promise<BatchDeal[]> {
  return readDeals(
    client,
    organizationId,
    options.cursor,
    options.status ?? null,
    options.size,
    null,
    options.pipelineId ?? null,
    options.ids ?? null,
  );
}

/**
 * One deal, ready to assess, in one statement: what a write checks and re-scores, where each round trip holds
 * a request (or a transaction and its pool connection) longer. With it: the key of its settings, the stored
 * assessment's row version, the latest snapshot and the organization's enabled webhook endpoints (what a
 * write's outbox rows go to). Not found in the organization: NOT_FOUND.
 */
export async function loadDeal(client: PrismaClient | Tx, organizationId: string, opportunityId: string): Promise<LoadedDeal> {
  const [raw] = await readRaw(client, organizationId, null, null, 1, opportunityId, null, null);
  if (!raw?.single) throw notFound("Opportunity");
  return { ...toBatchDeal(raw), ...raw.single };
}

async function readDeals(...args: Parameters<typeof readRaw>): Promise<BatchDeal[]> {
  return (await readRaw(...args)).map(toBatchDeal);
}

async function readRaw(
  client: PrismaClient | Tx,
  organizationId: string,
  cursor: string | null,
  status: string | null,
  size: number,
  id: string | null,
  pipelineId: string | null,
  ids: string[] | null,
): Promise<RawDeal[]> {
  const [row] = await client.$queryRawUnsafe<Array<{ batch: string }>>(BATCH_SQL, organizationId, cursor, status, size, id, pipelineId, ids);
  return JSON.parse(row?.batch ?? "[]") as RawDeal[];
}

/**
 * The next `size` accounts of an organization after `cursor` (by id): the profile the ICP fit reads and the
 * stored content hash, as one statement returning one JSON text (Prisma's include was two statements and an
 * object per row of each). The batch is chosen before the join, as in `BATCH_SQL`.
 */
export async function loadAccountBatch(
  client: PrismaClient | Tx,
  organizationId: string,
  cursor: string | null,
  size: number,
): Promise<Array<{ id: string; organizationId: string; profile: AccountProfile; stored: StoredState | null }>> {
  const [row] = await client.$queryRaw<Array<{ batch: string }>>`
    SELECT coalesce(json_agg(b ORDER BY b.id), '[]')::text AS batch FROM (
      SELECT a.id, a."organizationId",
        json_build_object('industry', a.industry, 'employeeCount', a."employeeCount", 'country', a.country, 'region', a.region,
          'techStack', a."techStack", 'fundingStage', a."fundingStage", 'hiringSignals', a."hiringSignals") AS profile,
        CASE WHEN aa."accountId" IS NULL THEN NULL ELSE json_build_object('contentHash', aa."contentHash") END AS stored
      FROM (
        SELECT * FROM "Account" a
        WHERE a."organizationId" = ${organizationId} AND (${cursor}::text IS NULL OR a.id > ${cursor}::text)
        ORDER BY a.id
        LIMIT ${size}::int
      ) a
      LEFT JOIN "AccountAssessment" aa ON aa."accountId" = a.id
    ) b`;
  return JSON.parse(row?.batch ?? "[]") as Array<{ id: string; organizationId: string; profile: AccountProfile; stored: StoredState | null }>;
}
