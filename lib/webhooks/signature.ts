import { createHmac, timingSafeEqual } from "node:crypto";
import { REPLAY_WINDOW_SECONDS } from "./events";

/** `t=<unix seconds>,v1=<hex HMAC-SHA256(secret, "<t>.<body>")>` — the value of the Winnow-Signature header. */
export function signPayload(secret: string, body: string, timestamp: number): string {
  const digest = createHmac("sha256", secret).update(`${timestamp}.${body}`).digest("hex");
  return `t=${timestamp},v1=${digest}`;
}

/**
 * What a receiver runs: the signature must match the raw body and its timestamp must be within the replay
 * window of `now` (unix seconds), so a captured delivery cannot be replayed later.
 */
export function verifySignature(secret: string, body: string, header: string, now: number): boolean {
  const parts = new Map(header.split(",").map((p) => p.split("=", 2) as [string, string]));
  const timestamp = Number(parts.get("t"));
  const given = parts.get("v1");
  if (!Number.isInteger(timestamp) || !given || Math.abs(now - timestamp) > REPLAY_WINDOW_SECONDS) return false;
  const expected = signPayload(secret, body, timestamp).split("v1=")[1] ?? "";
  const a = Buffer.from(given, "hex");
  const b = Buffer.from(expected, "hex");
  return a.length === b.length && timingSafeEqual(a, b);
}
