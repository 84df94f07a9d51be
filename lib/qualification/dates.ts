/** Day arithmetic on instants. Days are fixed 24-hour spans so results never depend on the caller's time zone. */

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

/** The later of two possibly-missing dates. */
export function latest(a: Date | null, b: Date | null | undefined): Date | null {
  if (!b) return a;
  if (!a) return b;
  return b.getTime() > a.getTime() ? b : a;
}
