/**
 * The colour scheme a user picked. "system" (no cookie) follows the operating system through CSS; "light" and
 * "dark" are written to a cookie that the root layout reads, so the server renders the right class on <html>
 * and the first paint is already in the chosen scheme.
 */
export const SCHEMES = ["system", "light", "dark"] as const;
export type Scheme = (typeof SCHEMES)[number];

export const SCHEME_COOKIE = "winnow-scheme";

export function parseScheme(value: string | undefined): Scheme {
  return value === "light" || value === "dark" ? value : "system";
}

/** The class for <html>: none for "system", where `prefers-color-scheme` decides. */
export function schemeClass(scheme: Scheme): string | undefined {
  return scheme === "system" ? undefined : scheme;
}
