"use client";

import { useCallback, useState, type KeyboardEvent, type PointerEvent } from "react";

/**
 * A menu or dialog whose Radix part (focus trap, dismissable layer, Floating UI) is fetched on demand instead of
 * with the page: the page renders a look-alike trigger with `triggerProps`; the pointer or focus reaching it starts
 * the import, and a press (`open: "press"`: pointer down, Enter, Space, ArrowDown, as a Radix menu opens; `"click"`
 * as a dialog does) asks for it open. Once loaded the real component replaces the look-alike: open when it was
 * pressed, focused when it had focus.
 */
export function useOnDemand<C>(load: () => Promise<C>, open: "press" | "click") {
  const [loaded, setLoaded] = useState<{ component: C } | null>(null);
  const [pressed, setPressed] = useState(false);
  const [focused, setFocused] = useState(false);
  const fetch = useCallback(
    () =>
      void load().then(
        (component) => setLoaded((was) => was ?? { component }),
        () => undefined,
      ),
    [load],
  );
  const press = () => {
    setPressed(true);
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
          onPointerDown: (event: PointerEvent) => event.button === 0 && !event.ctrlKey && press(),
          onKeyDown: (event: KeyboardEvent) => {
            if (event.key === "Enter" || event.key === " " || event.key === "ArrowDown") {
              event.preventDefault();
              press();
            }
          },
        }
      : { onClick: press }),
  };
  return { Loaded: loaded?.component ?? null, pressed, focused, triggerProps, fetch };
}
