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

/** Everything the engine needs to know about an organization's way of qualifying. */
export interface QualificationSettings {
  framework: Framework;
  pipeline: Pipeline;
  /** True while the organization runs the framework's default pipeline (nothing stored yet). */
  pipelineIsDefault: boolean;
  icp: IcpDefinition;
  icpVersionId: string | null;
  thresholds: RequalificationThresholds;
  /** The longest a manager's gate override may run, in days. */
  overrideMaxDays: number;
  /** Bumped on every framework, stage or gate change; stored with each assessment. */
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
export function archivedCriteria(custom: unknown): CriterionDefinition[] {
  const archived = (custom as StoredCustomFramework | null)?.archived;
  return Array.isArray(archived) ? archived : [];
}

export async function loadQualificationSettings(client: PrismaClient | Tx, organizationId: string): Promise<QualificationSettings> {
  const [org, stages, icpRow] = await Promise.all([
    client.organization.findUniqueOrThrow({ where: { id: organizationId }, select: { frameworkKey: true, customFramework: true, requalificationThresholds: true, overrideMaxDays: true, qualificationVersion: true } }),
    client.pipelineStage.findMany({ where: { organizationId }, orderBy: { position: "asc" } }),
    client.icpVersion.findFirst({ where: { organizationId }, orderBy: { version: "desc" } }),
  ]);
  const framework = frameworkFor(org.frameworkKey, org.customFramework);
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
    framework,
    pipeline,
    pipelineIsDefault: stages.length === 0,
    icp,
    icpVersionId: icpRow?.id ?? null,
    thresholds: { ...DEFAULT_THRESHOLDS, ...thresholdsSchema.parse(org.requalificationThresholds ?? {}) },
    overrideMaxDays: org.overrideMaxDays,
    qualificationVersion: org.qualificationVersion,
    archived: archivedCriteria(org.customFramework),
  };
}
