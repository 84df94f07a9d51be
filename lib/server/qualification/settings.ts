import { isDeepStrictEqual } from "node:util";
import { z } from "zod";
import {
  customFramework,
  DEFAULT_THRESHOLDS,
  FRAMEWORKS,
  pipelineFor,
  type CriterionDefinition,
  type CustomFrameworkSpec,
  type Framework,
  type IcpDefinition,
  type Pipeline,
  type RequalificationThresholds,
  type StageKind,
} from "../../qualification";
import { gateRequirementsSchema, icpRulesSchema } from "../../validation/qualification";
import type { PrismaClient, Tx } from "../db";
import { notFound } from "../errors";

/** Everything the engine needs to know about one pipeline's way of qualifying (and the organization's ICP). */
export interface QualificationSettings {
  /** The pipeline these settings are of. */
  pipelineId: string;
  pipelineName: string;
  framework: Framework;
  pipeline: Pipeline;
  /** True while the pipeline's stages are still the framework's defaults (none stored, or stored unchanged). */
  pipelineIsDefault: boolean;
  icp: IcpDefinition;
  icpVersionId: string | null;
  thresholds: RequalificationThresholds;
  /** The longest a manager's gate override may run, in days. */
  overrideMaxDays: number;
  /** The pipeline's version, bumped on every framework, stage or gate change; stored with each assessment. */
  qualificationVersion: number;
  /** Criteria earlier versions of the custom framework had: not scored, but their evidence stays in deal history. */
  archived: CriterionDefinition[];
}

/** With no ICP stored yet every account fits: fit must not block deals before marketing has defined it. */
const NO_ICP: IcpDefinition = { version: 0, rules: [], pursueThreshold: 0 };

const STAGE_KINDS = new Set<StageKind>(["open", "won", "lost"]);
const thresholdsSchema = z
  .object({
    staleDealDays: z.number().int().min(1),
    silentChampionDays: z.number().int().min(1),
    newStakeholderGraceDays: z.number().int().min(1),
    lateStageProbability: z.number().min(0).max(1),
    lateStageIds: z.array(z.string()).optional(),
    closeDateSlipCriticalDays: z.number().int().min(1),
    criticalMultiplier: z.number().min(1),
  })
  .partial();

/**
 * The stored custom framework: the engine's spec plus `archived`, the criteria earlier versions had (their
 * evidence stays on the deals and in the history; they no longer count).
 */
export interface StoredCustomFramework extends CustomFrameworkSpec {
  archived?: CriterionDefinition[];
}

function frameworkFor(key: string, custom: unknown): Framework {
  if (key === "custom") {
    const { archived: _archived, ...spec } = custom as StoredCustomFramework;
    return customFramework(spec);
  }
  const template = FRAMEWORKS[key as keyof typeof FRAMEWORKS];
  if (!template) throw new Error(`Unknown framework "${key}"`);
  return template;
}

/** Criteria removed from the organization's custom framework over its versions (empty for a template). */
function archivedCriteria(custom: unknown): CriterionDefinition[] {
  const archived = (custom as StoredCustomFramework | null)?.archived;
  return Array.isArray(archived) ? archived : [];
}

/**
 * The settings of one pipeline of the organization: pass the deal's `pipelineId` for anything that assesses a
 * deal, or null for the organization's first pipeline (the default for new deals, leads and the intake form).
 * A pipeline of another organization is not found.
 */
export async function loadQualificationSettings(
  client: PrismaClient | Tx,
  organizationId: string,
  pipelineId: string | null,
): Promise<QualificationSettings> {
  const [row, org, icpRow] = await Promise.all([
    client.pipeline.findFirst({
      where: { organizationId, ...(pipelineId !== null && { id: pipelineId }) },
      orderBy: { position: "asc" },
      include: { stages: { orderBy: { position: "asc" } } },
    }),
    client.organization.findUniqueOrThrow({ where: { id: organizationId }, select: { overrideMaxDays: true } }),
    client.icpVersion.findFirst({ where: { organizationId }, orderBy: { version: "desc" } }),
  ]);
  if (!row) throw notFound("Pipeline");
  const { stages } = row;
  const framework = frameworkFor(row.frameworkKey, row.customFramework);
  const pipeline: Pipeline =
    stages.length > 0
      ? {
          stages: stages.map((s) => {
            if (!STAGE_KINDS.has(s.kind as StageKind)) throw new Error(`Stage ${s.key} has unknown kind ${s.kind}`);
            return { id: s.key, label: s.label, probability: s.probability, kind: s.kind as StageKind, exit: gateRequirementsSchema.parse(s.exit) };
          }),
        }
      : pipelineFor(framework);
  const icp: IcpDefinition = icpRow
    ? {
        version: icpRow.version,
        rules: icpRulesSchema.parse(icpRow.rules),
        pursueThreshold: icpRow.pursueThreshold,
        ...(icpRow.disqualifyBelow !== null && { disqualifyBelow: icpRow.disqualifyBelow }),
      }
    : NO_ICP;
  return {
    pipelineId: row.id,
    pipelineName: row.name,
    framework,
    pipeline,
    pipelineIsDefault: stages.length === 0 || isDeepStrictEqual(pipeline, pipelineFor(framework)),
    icp,
    icpVersionId: icpRow?.id ?? null,
    thresholds: { ...DEFAULT_THRESHOLDS, ...thresholdsSchema.parse(row.requalificationThresholds ?? {}) },
    overrideMaxDays: org.overrideMaxDays,
    qualificationVersion: row.qualificationVersion,
    archived: archivedCriteria(row.customFramework),
  };
}

/** Every pipeline's settings of the organization, by pipeline id: for passes that score deals of all pipelines. */
export async function loadAllPipelineSettings(client: PrismaClient | Tx, organizationId: string): Promise<Map<string, QualificationSettings>> {
  const pipelines = await client.pipeline.findMany({ where: { organizationId }, select: { id: true }, orderBy: { position: "asc" } });
  const all = await Promise.all(pipelines.map((p) => loadQualificationSettings(client, organizationId, p.id)));
  return new Map(all.map((s) => [s.pipelineId, s]));
}

/** Settings per pipeline, with the key they were built at (see `LoadedDeal.settingsKey`). Bounded: oldest out first. */
const settingsCache = new Map<string, { key: string; settings: QualificationSettings }>();
const SETTINGS_CACHE_SIZE = 500;

/**
 * A pipeline's settings by the key the deal's read carried (`loadDeal`): the pipeline's version (bumped by every
 * framework, stage or gate save), name and thresholds, the override window and the latest ICP version. Built
 * from the database when the key moved, else from this process's cache, so a write reads no settings rows at
 * all while nothing changed. The settings are shared: callers must not mutate them.
 */
export async function settingsAtKey(
  client: PrismaClient | Tx,
  organizationId: string,
  deal: { pipelineId: string; settingsKey: string },
): Promise<QualificationSettings> {
  const cacheKey = `${organizationId}:${deal.pipelineId}`;
  const hit = settingsCache.get(cacheKey);
  if (hit?.key === deal.settingsKey) return hit.settings;
  const settings = await loadQualificationSettings(client, organizationId, deal.pipelineId);
  settingsCache.delete(cacheKey);
  settingsCache.set(cacheKey, { key: deal.settingsKey, settings });
  if (settingsCache.size > SETTINGS_CACHE_SIZE) settingsCache.delete(settingsCache.keys().next().value as string);
  return settings;
}
