"use client";

import { Monitor, Moon, Sun } from "lucide-react";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { SCHEME_COOKIE, SCHEMES, type Scheme } from "@/lib/theme";
import { cn } from "@/lib/utils";

const OPTIONS: Record<Scheme, { label: string; icon: typeof Sun }> = {
  system: { label: "System", icon: Monitor },
  light: { label: "Light", icon: Sun },
  dark: { label: "Dark", icon: Moon },
};

/** Applies a scheme at once (class on <html>) and keeps it for the next page load (a year-long cookie). */
function applyScheme(scheme: Scheme) {
  const root = document.documentElement;
  root.classList.remove("light", "dark");
  if (scheme !== "system") root.classList.add(scheme);
  document.cookie =
    scheme === "system" ? `${SCHEME_COOKIE}=; path=/; max-age=0; samesite=lax` : `${SCHEME_COOKIE}=${scheme}; path=/; max-age=31536000; samesite=lax`;
}

/** System / Light / Dark as a radio group: arrow keys move between them, as in any native radio group. */
export function SchemeToggle({ initial, className }: { initial: Scheme; className?: string }) {
  const [scheme, setScheme] = useState<Scheme>(initial);
  const router = useRouter();
  return (
    <fieldset className={cn("flex rounded-md bg-sidebar-accent p-0.5", className)} data-testid="scheme-toggle">
      <legend className="sr-only">Colour scheme</legend>
      {SCHEMES.map((value) => {
        const { label, icon: Icon } = OPTIONS[value];
        return (
          <label
            key={value}
            className={cn(
              "flex flex-1 cursor-pointer items-center justify-center gap-1 rounded px-1.5 py-1 text-xs font-medium text-sidebar-foreground has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-sidebar-ring",
              scheme === value ? "bg-sidebar text-sidebar-accent-foreground shadow-sm" : "hover:text-sidebar-accent-foreground",
            )}
          >
            <input
              type="radio"
              name="scheme"
              value={value}
              checked={scheme === value}
              onChange={() => {
                applyScheme(value);
                setScheme(value);
                // Server-rendered parts that know the scheme (the toasts' theme) catch up.
                router.refresh();
              }}
              className="sr-only"
            />
            <Icon className="size-3.5" aria-hidden />
            {label}
          </label>
        );
      })}
    </fieldset>
  );
}
