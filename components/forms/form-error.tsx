"use client";

import { AlertTriangle } from "lucide-react";
import { useEffect, useRef } from "react";

/**
 * A form's error summary. When a message appears (a refused submit), focus moves to it, so keyboard and
 * screen reader users land on what went wrong instead of staying on the button or going back to the top.
 */
export function FormError({ message }: { message: string | undefined }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (message) ref.current?.focus();
  }, [message]);
  if (!message) return null;
  return (
    <div
      ref={ref}
      tabIndex={-1}
      role="alert"
      className="flex items-start gap-2 rounded-md bg-rose-50 px-3 py-2 text-sm text-rose-800 ring-1 ring-inset ring-rose-200 focus:outline-2 focus:outline-offset-2 focus:outline-rose-600"
      data-testid="form-error"
    >
      <AlertTriangle className="mt-0.5 size-4 shrink-0" aria-hidden />
      <span>{message}</span>
    </div>
  );
}
