import type { EffectiveState, VerdictKind } from "@/lib/qualification";
import { VERDICT_LABEL as VOCABULARY_VERDICTS } from "@/lib/vocabulary";

type Tone = "neutral" | "good" | "warn" | "bad" | "info";

/** How the UI names and colours the engine's results, in one place so every screen reads the same. */
export const STATE_LABEL: Record<EffectiveState, string> = {
  unknown: "Unknown",
  claimed: "Claimed",
  verified: "Verified",
  negative: "Said no",
  stale: "Stale",
};

export const STATE_TONE: Record<EffectiveState, Tone> = {
  unknown: "neutral",
  claimed: "info",
  verified: "good",
  negative: "bad",
  stale: "warn",
};

export const VERDICT_LABEL: Record<VerdictKind, string> = VOCABULARY_VERDICTS;

export const VERDICT_TONE: Record<VerdictKind, Tone> = {
  pursue: "good",
  unproven: "info",
  nurture: "warn",
  disqualify: "bad",
};

export function scoreTone(score: number): Tone {
  if (score >= 70) return "good";
  return score >= 40 ? "warn" : "bad";
}
