"use client";

import { AlertOctagon } from "lucide-react";
import { Button } from "@/components/ui/button";

export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <main className="flex min-h-[60vh] flex-col items-center justify-center px-4 text-center" data-testid="error-page">
      <AlertOctagon className="size-10 text-rose-400" aria-hidden />
      <h1 className="mt-4 text-xl font-semibold">Something went wrong</h1>
      <p className="mt-1 max-w-sm text-sm text-slate-500">
        The page could not be loaded. Nothing you saved was lost. {error.digest && <span>Reference: {error.digest}</span>}
      </p>
      <Button onClick={reset} variant="secondary" className="mt-6">
        Try again
      </Button>
    </main>
  );
}
