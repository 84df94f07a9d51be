"use client";

import { useCallback, useRef, useState, type KeyboardEvent, type PointerEvent } from "react";

/**
 * A menu or dialog whose Radix part (focus trap, dismissable layer, Floating UI) is fetched on demand instead of
 * with the page: the page renders a look-alike trigger with `triggerProps`; the pointer or focus reaching it starts
 * the import, and a press (`open: "press"`: pointer down, Enter, Space, ArrowDown, as a Radix menu opens; `"click"`
 * as a dialog does) asks for it open. Once loaded the real component replaces the look-alike: open when it was
 * pressed (`pressed` says by what), focused when it had focus.
 */
export function useOnDemand<C>(load: () => Promise<C>, open: "press" | "click") {
  const [loaded, setLoaded] = useState<{ component: C } | null>(null);
  const [pressed, setPressed] = useState<"pointer" | "keyboard" | null>(null);
  const [focused, setFocused] = useState(false);
  const fetch = useCallback(
    () =>
      void load().then(
        (component) => setLoaded((was) => was ?? { component }),
        () => undefined,
      ),
    [load],
  );
  const press = (by: "pointer" | "keyboard") => {
    setPressed(by);
    fetch();
  };
  const triggerProps = {
    onPointerEnter: fetch,
    onFocus: () => {
      setFocused(true);
      fetch();
    },
    onBlur: () => setFocused(false),
    ...(open === "press"
      ? {
          onPointerDown: (event: PointerEvent) => event.button === 0 && !event.ctrlKey && press("pointer"),
          onKeyDown: (event: KeyboardEvent) => {
            if (event.key === "Enter" || event.key === " " || event.key === "ArrowDown") {
              event.preventDefault();
              press("keyboard");
            }
          },
        }
      : { onClick: (event: { detail: number }) => press(event.detail === 0 ? "keyboard" : "pointer") }),
  };
  return { Loaded: loaded?.component ?? null, pressed, focused, triggerProps, fetch };
}

/**
 * A ref for the content of a Radix menu that was opened by a key press on its look-alike: Radix puts the focus on
 * the first item when it saw the key itself, which it did not, so this does it for that first opening (after
 * Radix has focused the content).
 */
export function useFirstItemFocus(byKeyboard: boolean) {
  const pending = useRef(byKeyboard);
  return useCallback((node: HTMLElement | null) => {
    if (!node || !pending.current) return;
    pending.current = false;
    requestAnimationFrame(() => node.querySelector<HTMLElement>('[role^="menuitem"]')?.focus());
  }, []);
}
