"use client";

import { useEffect } from "react";
import { Toaster, toast } from "sonner";
import { connectToasts } from "./toast";

/** sonner's toaster; loaded by `Toaster` (./toaster.tsx), never imported by a page. */
export function SonnerToaster({ theme }: { theme: "light" | "dark" | "system" }) {
  // A parent's effect runs after its children's: sonner's Toaster is subscribed when the queued toasts arrive.
  useEffect(() => connectToasts(({ kind, message, options }) => void toast[kind](message, options)), []);
  return <Toaster position="bottom-right" richColors closeButton theme={theme} />;
}
