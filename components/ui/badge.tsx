import { cva, type VariantProps } from "class-variance-authority";
import type { ComponentProps } from "react";
import { cn } from "@/lib/utils";

const badge = cva("inline-flex items-center gap-1 rounded-full px-2 py-0.5 text-xs font-medium ring-1 ring-inset", {
  variants: {
    tone: {
      neutral: "bg-slate-50 text-slate-700 ring-slate-200",
      good: "bg-emerald-50 text-emerald-700 ring-emerald-200",
      warn: "bg-amber-50 text-amber-800 ring-amber-200",
      bad: "bg-rose-50 text-rose-700 ring-rose-200",
      info: "bg-indigo-50 text-indigo-700 ring-indigo-200",
    },
  },
  defaultVariants: { tone: "neutral" },
});

export function Badge({ className, tone, ...props }: ComponentProps<"span"> & VariantProps<typeof badge>) {
  return <span className={cn(badge({ tone }), className)} {...props} />;
}
