import { TrendingDown } from "lucide-react";
import { WISHCASTING_THRESHOLD, type WishcastingGap } from "@/lib/qualification";

/** The rep's confidence next to what the evidence supports, with why, when the gap is worth a conversation. */
export function WishcastingNote({ gap }: { gap: WishcastingGap | null }) {
  if (!gap || gap.gap < WISHCASTING_THRESHOLD) return null;
  return (
    <div
      className="flex items-start gap-2 rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900 ring-1 ring-inset ring-amber-200"
      data-testid="wishcasting"
    >
      <TrendingDown className="mt-0.5 size-4 shrink-0" aria-hidden />
      <p>
        <span className="font-semibold">Wishcasting gap of {gap.gap} points:</span> {gap.text}.
      </p>
    </div>
  );
}
