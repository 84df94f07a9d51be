"use client";

import { cloneElement, useEffect, type ReactElement, type ReactNode } from "react";
import { useOnDemand } from "./on-demand";
import { useResolvedElement } from "./rsc-child";

export interface ConfirmDialogProps {
  /** The button that asks; rendered as is (Radix's `asChild`). Omit it to open the dialog from `open`. */
  trigger?: ReactElement<Record<string, unknown>>;
  title: string;
  description: ReactNode;
  confirmLabel: string;
  onConfirm: () => void;
  open?: boolean;
  onOpenChange?: (open: boolean) => void;
}

const load = () => import("./confirm-dialog-content").then((m) => m.ConfirmDialogContent);

/** Calls the element's own handler, then ours. */
function withHandlers(element: ReactElement<Record<string, unknown>>, handlers: Record<string, (event: never) => void>) {
  const merged = Object.fromEntries(
    Object.entries(handlers).map(([name, ours]) => {
      const theirs = element.props[name] as ((event: never) => void) | undefined;
      return [
        name,
        (event: never) => {
          theirs?.(event);
          ours(event);
        },
      ];
    }),
  );
  return cloneElement(element, merged);
}

/**
 * Asks before a destructive one-click: the trigger opens an alert dialog (focus trapped, Cancel focused
 * first, Escape cancels, focus returns to the trigger); only its confirm button runs `onConfirm`. The dialog
 * itself (Radix AlertDialog) is loaded when the trigger is first pointed at, focused or pressed, or when `open`
 * turns true, so pages with a confirm button do not carry it in their first load.
 */
export function ConfirmDialog(props: ConfirmDialogProps) {
  const { Loaded, pressed, focused, triggerProps, fetch } = useOnDemand(load, "click");
  const trigger = useResolvedElement(props.trigger);
  const wanted = props.open === true;
  useEffect(() => {
    if (wanted) fetch();
  }, [wanted, fetch]);
  if (Loaded) return <Loaded {...props} trigger={trigger} defaultOpen={pressed !== null} autoFocus={focused && pressed === null} />;
  return trigger ? withHandlers(trigger, triggerProps) : null;
}
