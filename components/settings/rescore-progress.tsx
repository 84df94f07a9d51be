"use client";

import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";
import type { RescoreProgressView } from "@/lib/server/qualification/rescore-organization";

const POLL_MS = 1500;

const active = (p: RescoreProgressView | null) => p !== null && (p.status === "queued" || p.status === "running");

/**
 * Progress of the background re-score a settings save started: polls while it runs, then refreshes the page
 * once so the figures on it are the new ones.
 */
export function RescoreProgress({ initial }: { initial: RescoreProgressView | null }) {
  const router = useRouter();
  const [progress, setProgress] = useState(initial);
  const [seen, setSeen] = useState(initial);
  if (seen !== initial) {
    setSeen(initial);
    setProgress(initial);
  }
  const running = active(progress);

  useEffect(() => {
    if (!running) return;
    const timer = setInterval(() => {
      void fetch("/api/rescore-progress")
        .then((r) => (r.ok ? (r.json() as Promise<{ progress: RescoreProgressView | null }>) : null))
        .then((body) => {
          if (!body) return;
          setProgress(body.progress);
          if (!active(body.progress)) router.refresh();
        })
        .catch(() => undefined);
    }, POLL_MS);
    return () => clearInterval(timer);
  }, [running, router]);

  if (!progress) return null;
  if (progress.status === "failed") {
    return (
      <p role="alert" className="mb-4 rounded-md bg-rose-50 px-4 py-2 text-sm text-rose-800 ring-1 ring-inset ring-rose-200">
        The background re-score stopped with an error; it will be retried. {progress.pending} scores are still marked pending.
      </p>
    );
  }
  if (!running) {
    return progress.finishedRecently ? (
      <p
        role="status"
        className="mb-4 rounded-md bg-emerald-50 px-4 py-2 text-sm text-emerald-800 ring-1 ring-inset ring-emerald-200"
        data-testid="rescore-progress"
      >
        All {progress.total} accounts and open deals are re-scored with the current settings.
      </p>
    ) : null;
  }
  const percent = progress.total > 0 ? Math.floor((progress.done / progress.total) * 100) : 0;
  return (
    <div
      role="status"
      className="mb-4 rounded-md bg-indigo-50 px-4 py-3 text-sm text-indigo-900 ring-1 ring-inset ring-indigo-200"
      data-testid="rescore-progress"
    >
      <p>
        Re-scoring accounts and open deals with the new settings: {progress.done} of {progress.total || "…"} ({percent}%). Scores shown meanwhile are
        marked pending.
      </p>
      <div className="mt-2 h-1.5 overflow-hidden rounded bg-indigo-100" aria-hidden>
        <div className="h-full bg-indigo-500 transition-all" style={{ width: `${percent}%` }} />
      </div>
    </div>
  );
}
