/** Values the ICP matches exactly (case and surrounding spaces aside), per account field. */
export interface IcpMatchValues {
  industries: string[];
  countries: string[];
}

const norm = (value: string) => value.trim().toLowerCase();

/**
 * Whether a typed value would miss every value the ICP names for that field, so the form can warn before a typo
 * ("Fintec") silently costs fit. Blank values and fields the ICP does not judge never warn.
 */
export function missesIcp(value: string, icpValues: readonly string[]): boolean {
  if (value.trim() === "" || icpValues.length === 0) return false;
  return !icpValues.some((v) => norm(v) === norm(value));
}

/** Suggestions for a free-text field: the ICP's values first, then the usual ones, each once (ignoring case). */
export function suggestionsFor(
  icpValues: readonly string[],
  usual: readonly string[],
): Array<{ value: string; label: string; detail: string | null }> {
  const seen = new Set<string>();
  const out: Array<{ value: string; label: string; detail: string | null }> = [];
  for (const [list, detail] of [
    [icpValues, "In your ICP"],
    [usual, null],
  ] as const) {
    for (const value of list) {
      if (seen.has(norm(value)) || value.trim() === "") continue;
      seen.add(norm(value));
      out.push({ value, label: value, detail });
    }
  }
  return out;
}
