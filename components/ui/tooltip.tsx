"use client";

import * as Radix from "@radix-ui/react-tooltip";
import { useEffect, useState, type ComponentProps, type ReactElement, type ReactNode } from "react";
import { cn } from "@/lib/utils";

/**
 * Open state that closes on any scroll. Radix closes only when the scrolled element contains the trigger; a
 * trigger that moves because the board, a column or the page scrolled otherwise leaves the tip floating over
 * unrelated content.
 */
function useCloseOnScroll() {
  const [open, setOpen] = useState(false);
  useEffect(() => {
    if (!open) return;
    const close = () => setOpen(false);
    window.addEventListener("scroll", close, { capture: true, passive: true });
    return () => window.removeEventListener("scroll", close, { capture: true });
  }, [open]);
  return [open, setOpen] as const;
}

/**
 * Words that explain something on hover and on keyboard focus, read by screen readers as the trigger's
 * description — what a native `title` does for mouse users only. `children` is the trigger: one element that can
 * take focus (a button, a link) or `TipTarget` around plain text. Each tooltip carries its own provider, so it
 * works wherever it is rendered; Radix shares the open/close delays between neighbours all the same.
 */
export function Tooltip({
  content,
  children,
  side = "top",
}: {
  content: ReactNode;
  children: ReactElement;
  side?: "top" | "bottom" | "left" | "right";
}) {
  const [open, setOpen] = useCloseOnScroll();
  return (
    <Radix.Provider delayDuration={200}>
      <Radix.Root open={open} onOpenChange={setOpen}>
        <Radix.Trigger asChild>{children}</Radix.Trigger>
        <Radix.Portal>
          <Radix.Content
            side={side}
            sideOffset={4}
            collisionPadding={8}
            className="z-50 max-w-72 rounded-md bg-slate-900 px-2.5 py-1.5 text-xs leading-snug font-normal normal-case tracking-normal text-white shadow-lg"
          >
            {content}
            <Radix.Arrow className="fill-slate-900" />
          </Radix.Content>
        </Radix.Portal>
      </Radix.Root>
    </Radix.Provider>
  );
}

/**
 * Plain content made a tab stop so a keyboard user can open its tooltip. A `button` with no action, as the
 * WAI-ARIA tooltip pattern expects a focusable trigger; it keeps the text's look.
 */
export function TipTarget({ className, ...props }: Omit<ComponentProps<"button">, "type">) {
  return (
    <button
      type="button"
      className={cn(
        "cursor-help rounded-sm text-left focus-visible:outline-2 focus-visible:outline-offset-1 focus-visible:outline-indigo-600",
        className,
      )}
      {...props}
    />
  );
}
