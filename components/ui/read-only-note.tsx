import { Lock } from "lucide-react";
import type { ReactNode } from "react";

/** Tells a user why a page shows no controls: they may look, not change. */
export function ReadOnlyNote({ children }: { children: ReactNode }) {
  return (
    <p className="mb-6 flex items-center gap-2 rounded-md bg-slate-100 px-3 py-2 text-sm text-slate-700" data-testid="read-only-note">
      <Lock className="size-4 shrink-0 text-slate-500" aria-hidden />
      {children}
    </p>
  );
}
