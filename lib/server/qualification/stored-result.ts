import { z } from "zod";

/**
 * The parts of a stored engine result that lists and cards show, read leniently: a row written by an older
 * engine (or by one with more fields) still shows what it has, and anything unreadable shows as nothing.
 */
export const storedResultSchema = z.object({
  verdict: z.object({ reasons: z.array(z.looseObject({ text: z.string() })).catch([]) }).catch({ reasons: [] }),
  flags: z.array(z.looseObject({ severity: z.enum(["warning", "critical"]), text: z.string() })).catch([]),
  nextGate: z.looseObject({ allowed: z.boolean(), toStageId: z.string(), blockers: z.array(z.looseObject({ message: z.string() })) }).nullable().catch(null),
});

export type StoredResult = z.infer<typeof storedResultSchema>;

export const VERDICTS = ["pursue", "nurture", "disqualify"] as const;
export const asVerdict = (v: string) => VERDICTS.find((k) => k === v) ?? "pursue";
