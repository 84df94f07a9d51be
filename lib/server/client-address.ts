import "server-only";
import { env } from "../env";

type Headers = Record<string, string | string[] | undefined> | { get(name: string): string | null };

function header(headers: Headers, name: string): string | undefined {
  if (typeof (headers as { get?: unknown }).get === "function") return (headers as { get(name: string): string | null }).get(name) ?? undefined;
  const value = (headers as Record<string, string | string[] | undefined>)[name];
  return Array.isArray(value) ? value.join(",") : value;
}

/**
 * The client's address for rate limiting. The right-most X-Forwarded-For entry is the one added by the
 * proxy next to us (a client can forge entries to the left, not that one); WINNOW_TRUSTED_PROXY_HOPS says
 * how many more proxies of ours sit in front.
 */
export function clientAddress(headers: Headers): string | null {
  const hops = env().WINNOW_TRUSTED_PROXY_HOPS;
  const chain = (header(headers, "x-forwarded-for") ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  return chain[chain.length - 1 - hops] ?? chain[0] ?? header(headers, "x-real-ip") ?? null;
}
