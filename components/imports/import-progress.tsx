"use client";

import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";

interface Progress {
  status: string;
  total: number;
  processed: number;
}

const RUNNING = new Set(["dry_run_queued", "dry_running", "queued", "running"]);

/** Polls the job's stored progress; the page can be reloaded or left at any time, the job carries on. */
export function ImportProgress({ jobId, initial }: { jobId: string; initial: Progress }) {
  const router = useRouter();
  const [progress, setProgress] = useState(initial);
  useEffect(() => {
    if (!RUNNING.has(progress.status)) return;
    const poll = async () => {
      const response = await fetch(`/api/imports/${jobId}`, { cache: "no-store" }).catch(() => null);
      const next = (await response?.json().catch(() => null)) as Progress | null;
      if (!next) return setProgress({ ...progress });
      setProgress(next);
      if (!RUNNING.has(next.status)) router.refresh();
    };
    const timer = setTimeout(() => void poll(), 700);
    return () => clearTimeout(timer);
  }, [progress, jobId, router]);
  const percent = progress.total > 0 ? Math.min(100, Math.round((100 * progress.processed) / progress.total)) : 0;
  const dry = progress.status.startsWith("dry");
  return (
    <div data-testid="import-progress">
      <div className="mb-1 flex justify-between text-xs text-slate-600">
        <span>{RUNNING.has(progress.status) ? (dry ? "Checking rows (dry run)…" : "Importing…") : dry ? "Dry run finished" : "Finished"}</span>
        <span className="tabular-nums">
          {progress.processed.toLocaleString("en-US")} / {progress.total.toLocaleString("en-US")} rows
        </span>
      </div>
      <div
        className="h-2.5 w-full overflow-hidden rounded-full bg-slate-100"
        role="progressbar"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent}
        aria-label="Import progress"
      >
        <div className="h-full rounded-full bg-indigo-600 transition-[width] duration-500" style={{ width: `${percent}%` }} />
      </div>
    </div>
  );
}
