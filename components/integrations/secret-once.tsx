"use client";

import { KeyRound } from "lucide-react";
import type { ReactNode } from "react";
import { Button } from "@/components/ui/button";

/** A secret shown once, right after it was made. */
export function SecretOnce({
  label,
  value,
  children,
  testId,
  onDismiss,
}: {
  label: string;
  value: string;
  children: ReactNode;
  testId: string;
  onDismiss: () => void;
}) {
  return (
    <div role="status" className="rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900">
      <p className="flex items-center gap-2 font-medium">
        <KeyRound className="size-4" aria-hidden />
        {label}
      </p>
      <p className="mt-1">{children}</p>
      <input
        readOnly
        value={value}
        aria-label={label}
        data-testid={testId}
        onFocus={(e) => e.currentTarget.select()}
        className="mt-2 w-full rounded border border-amber-300 bg-white px-2 py-1 font-mono text-xs text-slate-900"
      />
      <div className="mt-2 flex justify-end">
        <Button type="button" size="sm" variant="secondary" onClick={onDismiss}>
          I have copied it
        </Button>
      </div>
    </div>
  );
}
