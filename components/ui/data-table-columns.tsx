"use client";

import { Columns3 } from "lucide-react";
import { buttonVariants } from "./button";
import { useOnDemand } from "./on-demand";

export interface ColumnMenuProps {
  columns: Array<{ id: string; header: string; shown: boolean }>;
  onChange: (id: string, shown: boolean) => void;
}

const load = () => import("./data-table-columns-menu").then((m) => m.ColumnMenuContent);

/**
 * Which columns show: a menu of checkbox items (arrow keys, Space), kept open while the user picks several. The
 * menu (Radix, Floating UI) is loaded when the button is first pointed at, focused or pressed.
 */
export function ColumnMenu(props: ColumnMenuProps) {
  const { Loaded, pressed, focused, triggerProps } = useOnDemand(load, "press");
  if (props.columns.length === 0) return null;
  if (Loaded) return <Loaded {...props} defaultOpen={pressed !== null} byKeyboard={pressed === "keyboard"} autoFocus={focused && pressed === null} />;
  return (
    <button
      type="button"
      aria-haspopup="menu"
      aria-expanded={false}
      className={buttonVariants({ variant: "secondary", size: "sm" })}
      data-testid="column-menu"
      {...triggerProps}
    >
      <Columns3 className="size-4" aria-hidden />
      Columns
    </button>
  );
}
