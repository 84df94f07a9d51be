"use client";

import dynamic from "next/dynamic";
import { useEffect, useState } from "react";
import { onToastWaiting } from "./toast";

const SonnerToaster = dynamic(() => import("./toaster-sonner").then((m) => m.SonnerToaster), { ssr: false });

/** Loads sonner's toaster when it is idle after the page, or sooner when a toast is waiting. */
export function Toaster({ theme }: { theme: "light" | "dark" | "system" }) {
  const [load, setLoad] = useState(false);
  useEffect(() => {
    const idle = setTimeout(() => setLoad(true), 2000);
    const off = onToastWaiting(() => setLoad(true));
    return () => {
      clearTimeout(idle);
      off();
    };
  }, []);
  return load ? <SonnerToaster theme={theme} /> : null;
}
