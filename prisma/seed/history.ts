import { DEFAULT_BAND_FACTORS, FRAMEWORKS, pipelineFor, qualificationBand } from "../../lib/qualification";
import type { PrismaClient } from "../../lib/server/generated/prisma/client";
import { defaultPipelineOf } from "./foundation";
import { createRandom, DAY, dateOnly } from "./random";

/** Closed deals of the last four quarters: the history that calibration, trends and forecast honesty rest on. */
const HISTORY_DEALS = 150;
const REPS = ["seed_user_rep", "seed_user_rep2"] as const;

function quarterStart(now: Date, back: number): Date {
  return new Date(Date.UTC(now.getUTCFullYear(), (Math.floor(now.getUTCMonth() / 3) - back) * 3, 1));
}

/**
 * Each deal enters at discovery and walks the open stages as far as it got, with a scorecard at every stage, then
 * closes. Qualification really does predict the outcome here, and reps are (as usual) 10–30 points too
 * confident about where their deal ended. Its own seeded
 * generator keeps the rest of the demo unchanged; fixed ids make a second run add nothing.
 */
export async function seedClosedHistory(prisma: PrismaClient, now: Date, organizationId: string): Promise<number> {
  if (await prisma.opportunity.findUnique({ where: { id: "seed_hist_001" }, select: { id: true } })) return 0;
  const random = createRandom(20261202);
  const open = pipelineFor(FRAMEWORKS.meddpicc).stages.filter((s) => s.kind === "open");
  const accounts = await prisma.account.findMany({ where: { organizationId }, select: { id: true, name: true }, orderBy: { id: "asc" } });
  const from = quarterStart(now, 3).getTime();
  const until = now.getTime() - 2 * DAY;

  const deals = [],
    changes = [],
    snapshots = [];
  for (let i = 1; i <= HISTORY_DEALS; i++) {
    const id = `seed_hist_${String(i).padStart(3, "0")}`;
    const account = accounts[i % accounts.length]!;
    const ownerId = REPS[i % REPS.length]!;
    const intent = random.int(8, 96);
    const fit = random.int(35, 95);
    // A funnel true to the stage probabilities (of the deals that reach a stage, that share is won), bent
    // by qualification: well-qualified deals move on more often, poorly qualified ones less.
    const pull = { low: 0.7, medium: 1, high: 1.15 }[qualificationBand(intent)];
    let last = 1;
    let won = false;
    for (;;) {
      const next = open[last + 1]?.probability ?? 1;
      if (random.next() >= Math.min(0.97, (open[last]!.probability / next) * pull)) break;
      if (last === open.length - 1) {
        won = true;
        break;
      }
      last++;
    }
    const chance = open[last]!.probability * DEFAULT_BAND_FACTORS[qualificationBand(intent)];
    const closedAt = new Date(from + random.next() * (until - from));
    const createdAt = new Date(closedAt.getTime() - random.int(30, 120) * DAY);
    const step = (closedAt.getTime() - createdAt.getTime()) / (last + 1);
    const confidence = random.chance(0.1) ? null : Math.min(95, Math.max(10, Math.round((chance * 100 + random.int(10, 30)) / 10) * 10));
    deals.push({
      id,
      organizationId,
      pipelineId: defaultPipelineOf(organizationId),
      accountId: account.id,
      ownerId,
      name: `${account.name} — renewal ${i}`,
      amount: random.int(10, 200) * 1000,
      stage: won ? "closed_won" : "closed_lost",
      status: won ? ("won" as const) : ("lost" as const),
      expectedCloseDate: dateOnly(closedAt),
      originalCloseDate: dateOnly(closedAt),
      repConfidence: confidence,
      createdAt,
      lastActivityAt: closedAt,
    });
    for (let j = 0; j <= last; j++) {
      const at = new Date(createdAt.getTime() + step * j);
      const score = Math.round(intent * (0.4 + (0.6 * (j + 1)) / (last + 1)));
      const verdict = fit < 45 ? "disqualify" : score >= 40 ? "pursue" : "nurture";
      snapshots.push({
        id: `${id}_s${j}`,
        organizationId,
        opportunityId: id,
        stage: open[j]!.id,
        fit,
        intent: score,
        verdict,
        trigger: j === 0 ? "created" : "stage_change",
        at,
      });
      const to = j < last ? open[j + 1]!.id : won ? "closed_won" : "closed_lost";
      changes.push({
        id: `${id}_c${j}`,
        organizationId,
        opportunityId: id,
        fromStage: open[j]!.id,
        toStage: to,
        actorId: ownerId,
        outcome: "allowed" as const,
        at: j < last ? new Date(at.getTime() + step) : closedAt,
      });
    }
  }
  await prisma.opportunity.createMany({ data: deals, skipDuplicates: true });
  await prisma.stageChange.createMany({ data: changes, skipDuplicates: true });
  await prisma.scoreSnapshot.createMany({ data: snapshots, skipDuplicates: true });
  return deals.length;
}
