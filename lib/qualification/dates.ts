/** Day arithmetic on instants. Days are fixed 24-hour spans so results never depend on the caller's time zone. */
import { plural } from "../vocabulary";

export const DAY_MS = 86_400_000;

/** Whole days from `from` to `now`, rounded down; negative when `from` is in the future. */
export function daysSince(from: Date, now: Date): number {
  return Math.floor((now.getTime() - from.getTime()) / DAY_MS);
}

/** True when `from` is more than `days` days before `now`. */
export function olderThan(from: Date, days: number, now: Date): boolean {
  return now.getTime() - from.getTime() > days * DAY_MS;
}

export function addDays(date: Date, days: number): Date {
  return new Date(date.getTime() + days * DAY_MS);
}

/** Calendar date in UTC, e.g. "2025-03-14", for messages. */
export function isoDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

export { humanDay } from "./human-day";

/** The later of two possibly-missing dates. */
export function latest(a: Date | null, b: Date | null | undefined): Date | null {
  if (!b) return a;
  if (!a) return b;
  return b.getTime() > a.getTime() ? b : a;
}

/**
 * How a text says how many days have passed since `from`: "count" is the bare number ("for 23 days"), "days" the
 * number with its noun ("1 day", "3 days"). The live form writes the count as of `now`; the stored form writes the
 * instant it counts from, so a stored text stays the same from one day to the next and `renderDayCounts` turns it
 * into the live sentence when it is read.
 */
export type DayText = (from: Date, now: Date, style: "count" | "days") => string;

export const liveDays: DayText = (from, now, style) => {
  const days = daysSince(from, now);
  return style === "count" ? String(days) : plural(days, "day");
};

export const storedDays: DayText = (from, _now, style) => `{{${style}:${from.getTime()}}}`;

const DAY_TOKEN = /\{\{(count|days):(-?\d+)\}\}/g;

/** A stored text (see `storedDays`) as the sentence a live assessment at `now` says; other texts are unchanged. */
export function renderDayCounts(text: string, now: Date): string {
  return text.replace(DAY_TOKEN, (_, style: "count" | "days", ms: string) => liveDays(new Date(Number(ms)), now, style));
}
