/**
 * Calendar dates as people read them, in a module of its own (no imports) so the UI's `formatDate` can share
 * the engine's formatter without every page's JavaScript carrying the rest of the engine's date helpers.
 */
const HUMAN_DAY = new Intl.DateTimeFormat("en-US", { dateStyle: "medium", timeZone: "UTC" });

/** Calendar date in UTC as people read it, e.g. "Mar 14, 2025": for texts shown on screen (and stored for it). */
export function humanDay(date: Date): string {
  return HUMAN_DAY.format(date);
}
