import { cn } from "@/lib/utils";

/** A sieve: Winnow keeps the deals that can close. */
export function Logo({ className }: { className?: string }) {
  return (
    <svg viewBox="0 0 32 32" className={cn("size-7", className)} aria-hidden>
      <rect width="32" height="32" rx="8" className="fill-indigo-600" />
      <path d="M7 10h18l-6 8v6l-6 2v-8z" className="fill-white" />
    </svg>
  );
}
