// Next.js calls register() once when a server process starts: the place to start background work.
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs" || process.env.NEXT_PHASE === "phase-production-build") return;
  const { startBackgroundWork } = await import("./lib/server/jobs/start");
  await startBackgroundWork();
}
