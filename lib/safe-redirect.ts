/**
 * Where to send someone after sign-in, given a callbackUrl from the query string: only a path of this app.
 * The value is parsed with the URL API against the app's own origin, exactly as a browser would resolve it
 * (backslashes, tabs and newlines included: "/\evil.example" and "/\t/evil.example" are other hosts), and
 * anything that resolves to another origin falls back to "/".
 */
export function safeCallbackPath(raw: unknown, origin = "http://winnow.invalid"): string {
  if (typeof raw !== "string" || raw === "" || raw.length > 2000) return "/";
  let base: URL;
  let target: URL;
  try {
    base = new URL(origin);
    target = new URL(raw, base);
  } catch {
    return "/";
  }
  if (target.origin !== base.origin || (target.protocol !== "http:" && target.protocol !== "https:")) return "/";
  const path = `${target.pathname}${target.search}${target.hash}`;
  // Belt and braces: what we hand back must itself resolve to this origin when used as-is.
  return path.startsWith("/") && !path.startsWith("//") && !path.startsWith("/\\") ? path : "/";
}
