"use client";

import {
  cloneElement,
  useCallback,
  useEffect,
  useId,
  useLayoutEffect,
  useRef,
  useState,
  type ComponentProps,
  type FocusEvent,
  type KeyboardEvent,
  type PointerEvent,
  type ReactElement,
  type ReactNode,
} from "react";
import { createPortal } from "react-dom";
import { cn } from "@/lib/utils";
import { useResolvedElement } from "./rsc-child";

type Side = "top" | "bottom" | "left" | "right";
type Align = "start" | "center" | "end";

/** Hover delay before a tip opens, and the grace that lets the pointer travel from the trigger onto the tip. */
const OPEN_DELAY_MS = 200;
const CLOSE_GRACE_MS = 100;
const OFFSET = 4;
const COLLISION_PADDING = 8;

/**
 * Where the tip goes: on `side` of the trigger, flipped to the other side when it does not fit, then kept
 * `COLLISION_PADDING` inside the viewport. Fixed coordinates, measured once when the tip opens (it closes on
 * scroll, so it never has to follow the trigger).
 */
function place(trigger: DOMRect, tip: DOMRect, side: Side, align: Align) {
  const vw = window.innerWidth;
  const vh = window.innerHeight;
  const fits: Record<Side, boolean> = {
    top: trigger.top - tip.height - OFFSET >= COLLISION_PADDING,
    bottom: trigger.bottom + tip.height + OFFSET <= vh - COLLISION_PADDING,
    left: trigger.left - tip.width - OFFSET >= COLLISION_PADDING,
    right: trigger.right + tip.width + OFFSET <= vw - COLLISION_PADDING,
  };
  const opposite: Record<Side, Side> = { top: "bottom", bottom: "top", left: "right", right: "left" };
  const actual = fits[side] || !fits[opposite[side]] ? side : opposite[side];
  const vertical = actual === "top" || actual === "bottom";
  const alongStart = vertical ? trigger.left : trigger.top;
  const alongSize = vertical ? trigger.width : trigger.height;
  const tipSize = vertical ? tip.width : tip.height;
  const along = align === "start" ? alongStart : align === "end" ? alongStart + alongSize - tipSize : alongStart + (alongSize - tipSize) / 2;
  const clamp = (v: number, max: number) => Math.max(COLLISION_PADDING, Math.min(v, max - COLLISION_PADDING));
  const across =
    actual === "top"
      ? trigger.top - tip.height - OFFSET
      : actual === "bottom"
        ? trigger.bottom + OFFSET
        : actual === "left"
          ? trigger.left - tip.width - OFFSET
          : trigger.right + OFFSET;
  const left = vertical ? clamp(along, vw - tip.width) : across;
  const top = vertical ? across : clamp(along, vh - tip.height);
  // The arrow points at the trigger's centre, wherever clamping moved the tip.
  const arrow = vertical ? trigger.left + trigger.width / 2 - left : trigger.top + trigger.height / 2 - top;
  return { side: actual, left, top, arrow: Math.max(8, Math.min(arrow, tipSize - 8)) };
}

type Handlers = {
  onPointerEnter?: (e: PointerEvent<HTMLElement>) => void;
  onPointerLeave?: (e: PointerEvent<HTMLElement>) => void;
  onPointerDown?: (e: PointerEvent<HTMLElement>) => void;
  onFocus?: (e: FocusEvent<HTMLElement>) => void;
  onBlur?: (e: FocusEvent<HTMLElement>) => void;
  onKeyDown?: (e: KeyboardEvent<HTMLElement>) => void;
};

/**
 * Words that explain something on hover and on keyboard focus, read by screen readers as the trigger's
 * description — what a native `title` does for mouse users only. `children` is the trigger: one element that can
 * take focus (a button, a link) or `TipTarget` around plain text. The WAI-ARIA tooltip pattern without a
 * positioning library: the tip is `role="tooltip"`, the trigger points at it with `aria-describedby` while it is
 * open; it opens on hover (after a short delay) and on focus, stays open while the pointer is over the tip, and
 * closes on Escape, blur, pointer-down on the trigger and any scroll (a trigger moved by a scrolled board, column or
 * page would otherwise leave the tip floating over unrelated content). `disabled` keeps it closed.
 */
export function Tooltip({
  content,
  children: child,
  side = "top",
  align = "center",
  className,
  disabled = false,
}: {
  content: ReactNode;
  children: ReactElement;
  side?: Side;
  align?: Align;
  className?: string;
  disabled?: boolean;
}) {
  const children = useResolvedElement(child);
  const id = useId();
  const [open, setOpen] = useState(false);
  const tip = useRef<HTMLDivElement>(null);
  // A pending open or close: the effect below applies it after its delay; a newer intent replaces it.
  const [intent, setIntent] = useState<{ open: boolean; ms: number } | null>(null);
  // A press on the trigger moves the focus there too; that focus is the pointer's, not the keyboard's.
  const [pressed, setPressed] = useState(false);
  const [position, setPosition] = useState<ReturnType<typeof place> | null>(null);
  const shown = open && !disabled;

  const later = (next: boolean, ms: number) => setIntent({ open: next, ms });
  const now = useCallback((next: boolean) => {
    setIntent(null);
    setOpen(next);
  }, []);
  useEffect(() => {
    if (!intent) return;
    const timer = setTimeout(() => setOpen(intent.open), intent.ms);
    return () => clearTimeout(timer);
  }, [intent]);

  useEffect(() => {
    if (!shown) return;
    const close = () => now(false);
    const onKey = (e: globalThis.KeyboardEvent) => {
      if (e.key === "Escape") close();
    };
    window.addEventListener("scroll", close, { capture: true, passive: true });
    document.addEventListener("keydown", onKey);
    return () => {
      window.removeEventListener("scroll", close, { capture: true });
      document.removeEventListener("keydown", onKey);
    };
  }, [shown, now]);

  useLayoutEffect(() => {
    // While open, the trigger is the element that points at the tip.
    const trigger = shown ? document.querySelector(`[aria-describedby="${CSS.escape(id)}"]`) : null;
    if (trigger && tip.current) setPosition(place(trigger.getBoundingClientRect(), tip.current.getBoundingClientRect(), side, align));
  }, [shown, id, side, align, content]);

  const own = children.props as Handlers;
  const handlers: Required<Handlers> = {
    onPointerEnter: (e) => {
      own.onPointerEnter?.(e);
      if (e.pointerType === "touch") return;
      later(true, open ? 0 : OPEN_DELAY_MS);
    },
    onPointerLeave: (e) => {
      own.onPointerLeave?.(e);
      later(false, CLOSE_GRACE_MS);
    },
    onPointerDown: (e) => {
      own.onPointerDown?.(e);
      setPressed(true);
      document.addEventListener("pointerup", () => setPressed(false), { once: true });
      now(false);
    },
    onFocus: (e) => {
      own.onFocus?.(e);
      if (!pressed) now(true);
    },
    onBlur: (e) => {
      own.onBlur?.(e);
      now(false);
    },
    onKeyDown: (e) => {
      own.onKeyDown?.(e);
      if (e.key === "Escape" && shown) now(false);
    },
  };

  return (
    <>
      {cloneElement(children as ReactElement<Record<string, unknown>>, {
        ...handlers,
        ...(shown ? { "aria-describedby": id } : {}),
      })}
      {shown &&
        createPortal(
          <div
            ref={tip}
            id={id}
            role="tooltip"
            data-side={position?.side ?? side}
            onPointerEnter={() => setIntent(null)}
            onPointerLeave={() => later(false, CLOSE_GRACE_MS)}
            style={{
              position: "fixed",
              left: position?.left ?? 0,
              top: position?.top ?? 0,
              visibility: position ? "visible" : "hidden",
            }}
            className={cn(
              "group/tip z-50 max-w-72 rounded-md bg-slate-900 px-2.5 py-1.5 text-xs leading-snug font-normal normal-case tracking-normal text-white shadow-lg",
              className,
            )}
          >
            {content}
            <TipArrow side={position?.side ?? side} at={position?.arrow ?? 0} />
          </div>,
          document.body,
        )}
    </>
  );
}

/** A small square turned 45° in the tip's own colour, half under the tip: an arrow pointing at the trigger. */
function TipArrow({ side, at }: { side: Side; at: number }) {
  const edge: Record<Side, string> = {
    top: "top-full -translate-x-1/2 -translate-y-1/2",
    bottom: "bottom-full -translate-x-1/2 translate-y-1/2",
    left: "left-full -translate-x-1/2 -translate-y-1/2",
    right: "right-full translate-x-1/2 -translate-y-1/2",
  };
  const vertical = side === "top" || side === "bottom";
  return <span aria-hidden className={cn("absolute -z-10 size-2 rotate-45 bg-inherit", edge[side])} style={vertical ? { left: at } : { top: at }} />;
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
