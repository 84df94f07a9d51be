import type { ExternalToast } from "sonner";

/**
 * `toast.success` / `toast.error` without sonner in the first load: a call is queued and asks the `Toaster`
 * (components/ui/toaster.tsx) to load sonner, which then shows the queued toasts and receives later ones directly.
 * Same signature as sonner's, for the two kinds the app uses.
 */
type Kind = "success" | "error";
type Call = { kind: Kind; message: string; options?: ExternalToast };
type Show = (call: Call) => void;

const queue: Call[] = [];
let show: Show | null = null;
let wake: (() => void) | null = null;

function send(call: Call) {
  if (show) return show(call);
  queue.push(call);
  wake?.();
}

export const toast = {
  success: (message: string, options?: ExternalToast) => send({ kind: "success", message, options }),
  error: (message: string, options?: ExternalToast) => send({ kind: "error", message, options }),
};

/** For the Toaster: called when a toast is waiting (at once if one already is). */
export function onToastWaiting(listener: () => void): () => void {
  wake = listener;
  if (queue.length > 0) listener();
  return () => {
    if (wake === listener) wake = null;
  };
}

/** For the Toaster, once sonner's is mounted: shows what waited and takes every later toast straight through. */
export function connectToasts(next: Show): () => void {
  show = next;
  for (const call of queue.splice(0)) next(call);
  return () => {
    if (show === next) show = null;
  };
}
