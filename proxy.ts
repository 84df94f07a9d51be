import { NextResponse, type NextRequest } from "next/server";
import { env } from "./lib/env";
import { ACTION_BODY_LIMIT_BYTES, securityHeaders } from "./lib/security-headers";

/**
 * Runs before every page and route: a fresh CSP nonce per request (Next reads it from the request's CSP
 * header and puts it on its own scripts; pages read it as x-nonce), the security headers on the response,
 * and a 413 for server action bodies over the limit before anything parses them.
 */
export function proxy(request: NextRequest) {
  if (
    request.method === "POST" &&
    request.headers.has("next-action") &&
    Number(request.headers.get("content-length") ?? 0) > ACTION_BODY_LIMIT_BYTES
  ) {
    return new NextResponse("Request body too large.", { status: 413, headers: { "Content-Type": "text/plain" } });
  }
  const nonce = Buffer.from(crypto.randomUUID()).toString("base64");
  const https = request.nextUrl.protocol === "https:" || request.headers.get("x-forwarded-proto") === "https";
  const headers = securityHeaders(nonce, { dev: env().NODE_ENV === "development", https });

  // Pages read the nonce from the request; /api/v1 answers JSON and reads nothing of it, so its requests go on as
  // they came (overriding the request headers makes Next re-send every one of them, on every API call).
  const response = request.nextUrl.pathname.startsWith("/api/v1/")
    ? NextResponse.next()
    : NextResponse.next({ request: { headers: withNonce(request, nonce, headers) } });
  for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
  return response;
}

function withNonce(request: NextRequest, nonce: string, headers: Record<string, string>): Headers {
  const forwarded = new Headers(request.headers);
  forwarded.set("x-nonce", nonce);
  forwarded.set("Content-Security-Policy", headers["Content-Security-Policy"] ?? "");
  return forwarded;
}

export const config = {
  matcher: [{ source: "/((?!_next/static|_next/image|favicon.svg).*)" }],
};
