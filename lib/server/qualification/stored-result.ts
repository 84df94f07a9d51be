import { z } from "zod";
import { renderDayCounts, type FitResult } from "../../qualification";

/**
 * The parts of a stored engine result that lists and cards show, read leniently: a row written by an older
 * engine (or by one with more fields) still shows what it has, and anything unreadable shows as nothing.
 */
const storedResultSchema = z.object({
  verdict: z.object({ reasons: z.array(z.looseObject({ text: z.string() })).catch([]) }).catch({ reasons: [] }),
  flags: z.array(z.looseObject({ severity: z.enum(["warning", "critical"]), text: z.string() })).catch([]),
  nextGate: z
    .looseObject({ allowed: z.boolean(), toStageId: z.string(), blockers: z.array(z.looseObject({ message: z.string() })) })
    .nullable()
    .catch(null),
  /** Absent from rows stored before the engine kept it: read as no gap until the next re-score. */
  wishcasting: z
    .looseObject({ gap: z.number(), repConfidence: z.number(), evidenceProbability: z.number(), because: z.array(z.string()) })
    .nullable()
    .catch(null),
});

export type StoredResult = z.infer<typeof storedResultSchema>;

/**
 * A deal's stored result as lists and cards show it at `now`: stored texts carry the instant a day count runs
 * from (`storedDays`), rendered here into the sentence a fresh assessment says ("No activity for 23 days"). The
 * one reader of stored texts: the board, the risk list and any other view go through it.
 */
export function readStoredResult(result: unknown, now: Date): StoredResult {
  const parsed = storedResultSchema.parse(result ?? {});
  const render = (text: string) => renderDayCounts(text, now);
  return {
    verdict: { reasons: parsed.verdict.reasons.map((r) => ({ ...r, text: render(r.text) })) },
    flags: parsed.flags.map((f) => ({ ...f, text: render(f.text) })),
    nextGate: parsed.nextGate && { ...parsed.nextGate, blockers: parsed.nextGate.blockers.map((b) => ({ ...b, message: render(b.message) })) },
    wishcasting: parsed.wishcasting && { ...parsed.wishcasting, because: parsed.wishcasting.because.map(render) },
  };
}

/** An account's stored fit (the engine's FitResult), checked for the fields the fit panel reads; null if unreadable. */
const storedFitSchema = z.looseObject({
  icpVersion: z.number(),
  score: z.number(),
  potential: z.number(),
  knownShare: z.number(),
  knockoutsFailed: z.array(z.string()),
  knockoutsUnknown: z.array(z.string()),
  reasons: z.array(z.looseObject({ code: z.string(), text: z.string() })),
  rules: z.array(
    z.looseObject({
      ruleId: z.string(),
      label: z.string(),
      kind: z.string(),
      outcome: z.enum(["match", "miss", "unknown"]),
      contribution: z.number(),
      weight: z.number(),
      knockout: z.boolean(),
      reason: z.string(),
    }),
  ),
});

export function readStoredFit(result: unknown): FitResult | null {
  const parsed = storedFitSchema.safeParse(result);
  // The schema checks every field FitResult declares; the engine's own types name the kinds and codes.
  return parsed.success ? (parsed.data as unknown as FitResult) : null;
}
