import { humanDay } from "../dates";
import { assertNever } from "../never";

/** The account signals a "not yet" watches: a change in either may mean the timing changed. */
export interface WatchedSignals {
  fundingStage: string | null;
  hiringSignals: string[];
}

export type ResurfaceCause = { kind: "resume_date"; resumeOn: Date } | { kind: "signal"; changes: string[] };

export interface DueInput {
  resumeOn: Date | null;
  /** Signals seen when the item was parked; null = nothing watched. */
  watched: WatchedSignals | null;
  /** Signals now (null when no account is known). */
  current: WatchedSignals | null;
  now: Date;
}

function sameList(a: string[], b: string[]): boolean {
  const norm = (l: string[]) => [...new Set(l.map((v) => v.trim().toLowerCase()))].sort().join("|");
  return norm(a) === norm(b);
}

/** What changed between the parked and current signals, in words. */
function signalChanges(watched: WatchedSignals, current: WatchedSignals): string[] {
  const changes: string[] = [];
  if ((watched.fundingStage ?? "") !== (current.fundingStage ?? "")) {
    changes.push(`funding stage ${watched.fundingStage ?? "unknown"} → ${current.fundingStage ?? "unknown"}`);
  }
  if (!sameList(watched.hiringSignals, current.hiringSignals)) {
    const added = current.hiringSignals.filter((s) => !watched.hiringSignals.some((w) => w.toLowerCase() === s.toLowerCase()));
    changes.push(added.length > 0 ? `now hiring: ${added.join(", ")}` : "hiring signals changed");
  }
  return changes;
}

/** Whether a parked lead or deal is due for another look, and why: the date arrived or a watched signal moved. */
export function dueForAnotherLook(input: DueInput): ResurfaceCause | null {
  if (input.watched && input.current) {
    const changes = signalChanges(input.watched, input.current);
    if (changes.length > 0) return { kind: "signal", changes };
  }
  if (input.resumeOn && input.resumeOn.getTime() <= input.now.getTime()) return { kind: "resume_date", resumeOn: input.resumeOn };
  return null;
}

export function describeCause(cause: ResurfaceCause): string {
  switch (cause.kind) {
    case "resume_date":
      return `Resume date ${humanDay(cause.resumeOn)} arrived`;
    case "signal":
      return `Watched signal changed: ${cause.changes.join("; ")}`;
    default:
      return assertNever(cause);
  }
}

/** Fit bands for marketing's conversion chart. */
export function fitBand(fit: number): "0–39" | "40–59" | "60–79" | "80–100" {
  if (fit >= 80) return "80–100";
  if (fit >= 60) return "60–79";
  if (fit >= 40) return "40–59";
  return "0–39";
}
