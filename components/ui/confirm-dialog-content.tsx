"use client";

import * as AlertDialog from "@radix-ui/react-alert-dialog";
import { useEffect, useRef } from "react";
import type { ConfirmDialogProps } from "./confirm-dialog";
import { buttonVariants } from "./button";

/** `ConfirmDialog`'s Radix part, loaded on demand: opened at once when its trigger was pressed before it arrived. */
export function ConfirmDialogContent({
  trigger,
  title,
  description,
  confirmLabel,
  onConfirm,
  open,
  onOpenChange,
  defaultOpen,
  autoFocus,
}: ConfirmDialogProps & { defaultOpen: boolean; autoFocus: boolean }) {
  const triggerRef = useRef<HTMLButtonElement>(null);
  // It replaced a look-alike that had focus: keep the focus where the user left it.
  useEffect(() => {
    if (autoFocus) triggerRef.current?.focus();
  }, [autoFocus]);
  return (
    <AlertDialog.Root {...(open !== undefined ? { open } : { defaultOpen })} {...(onOpenChange && { onOpenChange })}>
      {trigger && (
        <AlertDialog.Trigger asChild ref={triggerRef}>
          {trigger}
        </AlertDialog.Trigger>
      )}
      <AlertDialog.Portal>
        <AlertDialog.Overlay className="fixed inset-0 z-50 bg-slate-900/40" />
        <AlertDialog.Content
          className="fixed top-[20vh] left-1/2 z-50 w-[min(28rem,calc(100vw-2rem))] -translate-x-1/2 rounded-lg bg-white p-5 shadow-xl ring-1 ring-slate-200"
          data-testid="confirm-dialog"
        >
          <AlertDialog.Title className="text-base font-semibold text-slate-900">{title}</AlertDialog.Title>
          <AlertDialog.Description className="mt-2 text-sm text-slate-700">{description}</AlertDialog.Description>
          <div className="mt-5 flex justify-end gap-2">
            <AlertDialog.Cancel className={buttonVariants({ variant: "secondary", size: "sm" })}>Cancel</AlertDialog.Cancel>
            <AlertDialog.Action className={buttonVariants({ variant: "danger", size: "sm" })} onClick={onConfirm}>
              {confirmLabel}
            </AlertDialog.Action>
          </div>
        </AlertDialog.Content>
      </AlertDialog.Portal>
    </AlertDialog.Root>
  );
}
