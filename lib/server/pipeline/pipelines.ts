import "server-only";
import { plural } from "../../vocabulary";
import { FRAMEWORKS, pipelineFor, type Framework, type Pipeline } from "../../qualification";
import type { CreatePipelineInput, DeletePipelineInput, RenamePipelineInput, ReorderPipelinesInput } from "../../validation/pipeline";
import { recordAudit } from "../audit";
import { db, type PrismaClient, type Tx } from "../db";
import { AppError, isUniqueViolation, notFound } from "../errors";
import { asJson } from "../json";
import { loadQualificationSettings, type StoredCustomFramework } from "../qualification/settings";
import type { SessionUser } from "../session";
import { replaceStages } from "../settings/pipeline-rows";

/** A pipeline as switchers and filters list it. */
export interface PipelineOption {
  id: string;
  name: string;
  position: number;
  frameworkKey: string;
}

/** A pipeline as its settings list it. */
export interface PipelineWithDeals extends PipelineOption {
  /** Deals in it, any status: a pipeline with deals cannot be deleted. */
  deals: number;
}

/** The organization's pipelines in their order; the first is the default for new deals. */
export async function listPipelines(client: PrismaClient | Tx, organizationId: string): Promise<PipelineOption[]> {
  return client.pipeline.findMany({
    where: { organizationId },
    orderBy: { position: "asc" },
    select: { id: true, name: true, position: true, frameworkKey: true },
  });
}

/** `listPipelines` with each one's deal count: a count over every deal, so for settings only, not every switcher. */
export async function listPipelinesWithDeals(client: PrismaClient | Tx, organizationId: string): Promise<PipelineWithDeals[]> {
  const rows = await client.pipeline.findMany({
    where: { organizationId },
    orderBy: { position: "asc" },
    select: { id: true, name: true, position: true, frameworkKey: true, _count: { select: { opportunities: true } } },
  });
  return rows.map(({ _count, ...p }) => ({ ...p, deals: _count.opportunities }));
}

const nameTaken = (name: string) =>
  new AppError("INVALID", `A pipeline named "${name}" already exists.`, { fieldErrors: { name: ["Pick a name no other pipeline has."] } });

async function owned(tx: Tx, user: SessionUser, pipelineId: string) {
  const row = await tx.pipeline.findFirst({ where: { id: pipelineId, organizationId: user.organizationId } });
  if (!row) throw notFound("Pipeline");
  return row;
}

/**
 * Adds a pipeline at the end of the list: a template's framework with its default stages and gates, or a copy of
 * another pipeline's framework (a custom one included, without its archive), stages and gates.
 */
export async function createPipeline(user: SessionUser, input: CreatePipelineInput) {
  try {
    return await db().$transaction(async (tx) => {
      let data: { frameworkKey: Framework["key"]; customFramework?: ReturnType<typeof asJson> };
      let stages: Pipeline;
      if (input.copyFromPipelineId) {
        const source = await loadQualificationSettings(tx, user.organizationId, input.copyFromPipelineId);
        const { key, ...spec } = source.framework;
        const custom: StoredCustomFramework = { ...spec, archived: [] };
        data = { frameworkKey: key, ...(key === "custom" && { customFramework: asJson(custom) }) };
        stages = source.pipeline;
      } else {
        const key = input.frameworkKey ?? "meddpicc";
        data = { frameworkKey: key };
        stages = pipelineFor(FRAMEWORKS[key]);
      }
      const last = await tx.pipeline.findFirst({
        where: { organizationId: user.organizationId },
        orderBy: { position: "desc" },
        select: { position: true },
      });
      const created = await tx.pipeline.create({
        data: { organizationId: user.organizationId, name: input.name, position: (last?.position ?? -1) + 1, ...data },
      });
      await replaceStages(tx, user.organizationId, created.id, stages);
      await recordAudit(tx, {
        organizationId: user.organizationId,
        actorId: user.id,
        entityType: "pipeline",
        entityId: created.id,
        action: "create",
        after: {
          name: created.name,
          frameworkKey: created.frameworkKey,
          stages: stages.stages.map((s) => s.id),
          ...(input.copyFromPipelineId && { copiedFrom: input.copyFromPipelineId }),
        },
      });
      return { id: created.id, name: created.name, position: created.position };
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw nameTaken(input.name);
    throw error;
  }
}

export async function renamePipeline(user: SessionUser, input: RenamePipelineInput) {
  try {
    return await db().$transaction(async (tx) => {
      const before = await owned(tx, user, input.pipelineId);
      await tx.pipeline.update({ where: { id: before.id }, data: { name: input.name } });
      await recordAudit(tx, {
        organizationId: user.organizationId,
        actorId: user.id,
        entityType: "pipeline",
        entityId: before.id,
        action: "rename",
        before: { name: before.name },
        after: { name: input.name },
      });
      return { id: before.id, name: input.name };
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw nameTaken(input.name);
    throw error;
  }
}

/** Puts the pipelines in the order given, which must name each of the organization's pipelines once. */
export async function reorderPipelines(user: SessionUser, input: ReorderPipelinesInput) {
  return db().$transaction(async (tx) => {
    const current = await tx.pipeline.findMany({
      where: { organizationId: user.organizationId },
      orderBy: { position: "asc" },
      select: { id: true },
    });
    const ids = current.map((p) => p.id);
    const sameSet =
      input.pipelineIds.length === ids.length && new Set(input.pipelineIds).size === ids.length && input.pipelineIds.every((id) => ids.includes(id));
    if (!sameSet)
      throw new AppError("INVALID", "List every pipeline once, in the new order.", { fieldErrors: { pipelineIds: ["List every pipeline once."] } });
    // Positions are unique: move every row out of the way first, then into place.
    for (const [i, id] of input.pipelineIds.entries()) await tx.pipeline.update({ where: { id }, data: { position: -1 - i } });
    for (const [i, id] of input.pipelineIds.entries()) await tx.pipeline.update({ where: { id }, data: { position: i } });
    await recordAudit(tx, {
      organizationId: user.organizationId,
      actorId: user.id,
      entityType: "pipeline",
      entityId: user.organizationId,
      action: "reorder",
      before: ids,
      after: input.pipelineIds,
    });
    return { pipelineIds: input.pipelineIds };
  });
}

/** Deletes an empty pipeline. One with deals (any status) is refused: its deals must be moved first. */
export async function deletePipeline(user: SessionUser, input: DeletePipelineInput) {
  return db().$transaction(async (tx) => {
    const row = await owned(tx, user, input.pipelineId);
    const deals = await tx.opportunity.count({ where: { organizationId: user.organizationId, pipelineId: row.id } });
    if (deals > 0) {
      throw new AppError("CONFLICT", `"${row.name}" still has ${plural(deals, "deal")}: move them to another pipeline before deleting it.`);
    }
    const count = await tx.pipeline.count({ where: { organizationId: user.organizationId } });
    if (count <= 1) throw new AppError("CONFLICT", "An organization needs at least one pipeline.");
    await tx.pipeline.delete({ where: { id: row.id } });
    await recordAudit(tx, {
      organizationId: user.organizationId,
      actorId: user.id,
      entityType: "pipeline",
      entityId: row.id,
      action: "delete",
      before: { name: row.name, frameworkKey: row.frameworkKey },
    });
    return { id: row.id };
  });
}
