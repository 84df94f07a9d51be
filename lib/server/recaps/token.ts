import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { env } from "../../env";

/** A fresh link token (shown once) and the hash that is stored. */
export function newRecapToken(): { token: string; tokenHash: string } {
  const token = randomBytes(32).toString("base64url");
  return { token, tokenHash: hashRecapToken(token) };
}

export const hashRecapToken = (token: string) => createHash("sha256").update(token).digest("hex");

export function recapLink(token: string): string {
  return `${env().NEXTAUTH_URL ?? "http://127.0.0.1:3000"}/recap/${token}`;
}
