import type { Instrumentation } from "next";

// Next.js calls register() once when a server process starts: the place to start background work.
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs" || process.env.NEXT_PHASE === "phase-production-build") return;
  const { startBackgroundWork } = await import("./lib/server/jobs/start");
  await startBackgroundWork();
}

/**
 * Next calls this for every error its server catches (a render, a route handler, a server action). It already
 * logs them; with WINNOW_REQUEST_ERROR_LOG set (the browser tests set it) each one is also appended to that file
 * as a line of JSON, so a test fails on a page whose server render threw even when the browser recovered.
 */
export const onRequestError: Instrumentation.onRequestError = async (error, request, context) => {
  const file = process.env.WINNOW_REQUEST_ERROR_LOG;
  if (!file || process.env.NEXT_RUNTIME !== "nodejs") return;
  const { appendFile } = await import("node:fs/promises");
  const message = error instanceof Error ? error.message : String(error);
  const digest = typeof error === "object" && error !== null && "digest" in error ? error.digest : undefined;
  const line = {
    at: new Date().toISOString(),
    method: request.method,
    path: request.path,
    route: context.routePath,
    kind: context.routeType,
    source: context.renderSource,
    message,
    digest,
  };
  await appendFile(file, JSON.stringify(line) + "\n");
};
