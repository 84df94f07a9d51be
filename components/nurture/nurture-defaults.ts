import { DEFAULT_NURTURE_DAYS, type Verdict } from "@/lib/qualification";
import { addDays, humanDay } from "@/lib/qualification/dates";
import { toDateInput } from "@/lib/utils";

/** Where a deal stands in nurture: the engine suggests parking it, it is parked, or its date arrived and it is back. */
type DealNurtureState = "suggested" | "parked" | "back";

export interface DealNurtureDefaults {
  state: DealNurtureState;
  /** The resume date for the date input (YYYY-MM-DD): the parked date, else a suggestion after `now`. */
  resumeOn: string;
  watchFor: string;
  /** The date it is parked until, as people read it (parked deals only). */
  parkedUntil: string | null;
}

/**
 * What the deal page's "Not yet" form starts from. A parked deal shows its own date; a deal that came back (its
 * date arrived or a watched signal moved) or was never parked starts from the engine's suggestion, since the old
 * date has passed and re-saving it would bring the deal straight back.
 */
export function dealNurtureDefaults(
  deal: { resumeOn: Date | null; resurfacedAt: Date | null; watchFor: string | null },
  verdict: Pick<Verdict, "resumeOn" | "watchFor">,
  now: Date,
): DealNurtureDefaults {
  const state: DealNurtureState = deal.resumeOn === null ? "suggested" : deal.resurfacedAt === null ? "parked" : "back";
  const suggested = verdict.resumeOn && verdict.resumeOn.getTime() > now.getTime() ? verdict.resumeOn : addDays(now, DEFAULT_NURTURE_DAYS);
  const resumeOn = state === "parked" && deal.resumeOn ? deal.resumeOn : suggested;
  return {
    state,
    resumeOn: toDateInput(resumeOn),
    watchFor: deal.watchFor ?? verdict.watchFor ?? "",
    parkedUntil: state === "parked" && deal.resumeOn ? humanDay(deal.resumeOn) : null,
  };
}
