"use client";

import { useEffect, useRef, useState, type ComponentProps } from "react";
import { cn } from "@/lib/utils";

/**
 * A box that scrolls sideways when its content is wider (a table on a phone). While it does, it is a labelled
 * tab stop, so keyboard users can focus it and scroll with the arrow keys; while it does not, it adds no stop.
 * Until the first measure (server render, hydration on a slow phone) it counts as scrolling: a stop too many
 * for a moment is harmless, a scrolling box nobody can reach by keyboard is not.
 */
export function ScrollRegion({ label, className, children, ...props }: ComponentProps<"div"> & { label: string }) {
  const ref = useRef<HTMLDivElement>(null);
  const [scrolls, setScrolls] = useState(true);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const measure = () => setScrolls(el.scrollWidth > el.clientWidth + 1 || el.scrollHeight > el.clientHeight + 1);
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    if (el.firstElementChild) observer.observe(el.firstElementChild);
    return () => observer.disconnect();
  }, []);
  return (
    <div
      ref={ref}
      className={cn("relative overflow-x-auto", className)}
      data-scroll-region=""
      {...(scrolls ? { tabIndex: 0, role: "region", "aria-label": label } : {})}
      {...props}
    >
      {children}
    </div>
  );
}
