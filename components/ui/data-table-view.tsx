"use client";

import { flexRender, getCoreRowModel, useReactTable, type ColumnDef, type RowSelectionState, type VisibilityState } from "@tanstack/react-table";
import { ArrowDown, ArrowUp, ArrowUpDown } from "lucide-react";
import Link from "next/link";
import { usePathname, useSearchParams } from "next/navigation";
import { useLayoutEffect, useMemo, useRef, useState, type ReactNode } from "react";
import { cn } from "@/lib/utils";
import { ColumnMenu } from "./data-table-columns";
import { SelectionContext, type SelectedRow } from "./data-table-selection";
import { ScrollRegion } from "./scroll-region";
import { Tooltip } from "./tooltip";

/** A column as the server page describes it: plain data, so a server component can pass it. */
export interface DataColumn {
  id: string;
  header: string;
  /** The server's sort key: the header links to it and says which way the list is sorted (aria-sort). */
  sort?: string;
  align?: "right";
  /** Long values are cut with an ellipsis and shown whole in a tooltip instead of widening the table. */
  truncate?: boolean;
  /** The first column (the record's name) is always shown and kept in view when the table scrolls sideways. */
  hideable?: boolean;
}

/** A row the server rendered: its cells as nodes, and plain text for the cells that may be cut. */
export interface DataRow {
  id: string;
  /** Names the row for its checkbox ("Select Acme renewal"). */
  label: string;
  cells: Record<string, ReactNode>;
  text?: Record<string, string>;
}

/** The URL key listing the hidden columns, so saved views and shared links keep them. */
const HIDDEN_COLUMNS_PARAM = "hide";

function hiddenFrom(value: string | null): VisibilityState {
  return Object.fromEntries(
    (value ?? "")
      .split(",")
      .filter(Boolean)
      .map((id) => [id, false]),
  );
}

/**
 * Every list's table, on TanStack Table: the server reads, sorts and pages (keyset); this renders its rows with a
 * column menu, checkboxes for bulk actions (read by `toolbar` through `useSelection`), a sticky header and a sticky
 * first column inside its own labelled scroll region.
 */
export function DataTable({
  columns,
  rows,
  label,
  testId,
  sort,
  dir,
  selectable = false,
  toolbar,
  rowTestId = "data-row",
  currentId,
  onRowClick,
}: {
  columns: DataColumn[];
  rows: DataRow[];
  label: string;
  testId?: string;
  sort?: string;
  dir?: "asc" | "desc";
  selectable?: boolean;
  toolbar?: ReactNode;
  rowTestId?: string;
  /** A list with a keyboard cursor of its own (the lead inbox) marks its current row. */
  currentId?: string;
  onRowClick?: (id: string) => void;
}) {
  const search = useSearchParams();
  const pathname = usePathname();
  const [visibility, setVisibility] = useState<VisibilityState>(() => hiddenFrom(search.get(HIDDEN_COLUMNS_PARAM)));
  const [selection, setSelection] = useState<RowSelectionState>({});
  const urlHidden = search.get(HIDDEN_COLUMNS_PARAM);
  const [seenHidden, setSeenHidden] = useState(urlHidden);
  if (seenHidden !== urlHidden) {
    // A saved view or back/forward changed the URL: the URL wins over the menu's last state.
    setSeenHidden(urlHidden);
    setVisibility(hiddenFrom(urlHidden));
  }

  const defs = useMemo<ColumnDef<DataRow>[]>(() => {
    const data: ColumnDef<DataRow>[] = columns.map((c, i) => ({
      id: c.id,
      header: c.header,
      enableHiding: i > 0 && c.hideable !== false,
      cell: ({ row }) => row.original.cells[c.id] ?? null,
      meta: c,
    }));
    if (!selectable) return data;
    const select: ColumnDef<DataRow> = {
      id: "select",
      enableHiding: false,
      header: ({ table }) => (
        <Checkbox
          label="Select all rows on this page"
          checked={table.getIsAllRowsSelected()}
          indeterminate={table.getIsSomeRowsSelected()}
          onChange={(v) => table.toggleAllRowsSelected(v)}
        />
      ),
      cell: ({ row }) => <Checkbox label={`Select ${row.original.label}`} checked={row.getIsSelected()} onChange={(v) => row.toggleSelected(v)} />,
    };
    return [select, ...data];
  }, [columns, selectable]);

  // TanStack Table v8 hands back one mutable table object; the compiler rightly leaves this component unmemoized.
  // eslint-disable-next-line react-hooks/incompatible-library
  const table = useReactTable({
    data: rows,
    columns: defs,
    getRowId: (row) => row.id,
    getCoreRowModel: getCoreRowModel(),
    state: { columnVisibility: visibility, rowSelection: selection },
    onColumnVisibilityChange: setVisibility,
    onRowSelectionChange: setSelection,
    enableRowSelection: selectable,
  });

  function changeVisibility(next: VisibilityState) {
    setVisibility(next);
    const params = new URLSearchParams(search.toString());
    const hidden = Object.entries(next)
      .filter(([, shown]) => !shown)
      .map(([id]) => id);
    if (hidden.length) params.set(HIDDEN_COLUMNS_PARAM, hidden.join(","));
    else params.delete(HIDDEN_COLUMNS_PARAM);
    const query = params.toString();
    setSeenHidden(params.get(HIDDEN_COLUMNS_PARAM));
    // Shallow: which columns show is the browser's business; the server's rows do not change.
    window.history.replaceState(null, "", query ? `${pathname}?${query}` : pathname);
  }

  const selected: SelectedRow[] = table.getSelectedRowModel().rows.map((r) => ({ id: r.original.id, label: r.original.label }));
  const context = { selected, clear: () => setSelection({}) };

  const sortHref = (key: string) => {
    const params = new URLSearchParams(search.toString());
    params.set("sort", key);
    params.set("dir", sort === key && dir === "asc" ? "desc" : "asc");
    for (const k of ["after", "before", "page"]) params.delete(k);
    return `${pathname}?${params.toString()}`;
  };

  return (
    <SelectionContext.Provider value={context}>
      <>
        <div className="flex flex-wrap items-center gap-2 border-b border-slate-100 px-3 py-2">
          <div className="flex min-w-0 flex-1 flex-wrap items-center gap-2">{toolbar}</div>
          <ColumnMenu
            columns={table
              .getAllLeafColumns()
              .filter((c) => c.getCanHide())
              .map((c) => ({ id: c.id, header: (c.columnDef.meta as DataColumn).header, shown: c.getIsVisible() }))}
            onChange={(id, shown) => changeVisibility({ ...visibility, [id]: shown })}
          />
        </div>
        <ScrollRegion label={label} className="max-h-[calc(100dvh-12rem)] overflow-y-auto">
          <table className={cn("data-table min-w-full text-sm", selectable && "data-table-selectable")} data-testid={testId}>
            <thead>
              {table.getHeaderGroups().map((group) => (
                <tr key={group.id}>
                  {group.headers.map((header) => {
                    const meta = header.column.columnDef.meta as DataColumn | undefined;
                    const active = meta?.sort !== undefined && meta.sort === sort;
                    const Icon = !active ? ArrowUpDown : dir === "asc" ? ArrowUp : ArrowDown;
                    return (
                      <th
                        key={header.id}
                        scope="col"
                        className={cn(
                          "px-4 py-2.5 text-left text-xs font-semibold uppercase tracking-wide whitespace-nowrap text-slate-600",
                          meta?.align === "right" && "text-right",
                          !meta && "w-10 px-3",
                        )}
                        aria-sort={meta?.sort ? (active ? (dir === "asc" ? "ascending" : "descending") : "none") : undefined}
                      >
                        {meta?.sort ? (
                          <Link href={sortHref(meta.sort)} className="inline-flex items-center gap-1 hover:text-slate-900">
                            {meta.header}
                            <Icon className={cn("size-3.5", !active && "opacity-40")} aria-hidden />
                          </Link>
                        ) : (
                          flexRender(header.column.columnDef.header, header.getContext())
                        )}
                      </th>
                    );
                  })}
                </tr>
              ))}
            </thead>
            <tbody>
              {table.getRowModel().rows.map((row) => (
                <tr
                  key={row.id}
                  className={cn(
                    "border-t border-slate-100 hover:bg-slate-50",
                    row.getIsSelected() && "bg-indigo-50",
                    currentId === row.id && "bg-indigo-50/70 outline outline-1 -outline-offset-1 outline-indigo-300",
                    onRowClick && "cursor-pointer",
                  )}
                  aria-current={currentId === row.id ? "true" : undefined}
                  onClick={onRowClick && (() => onRowClick(row.id))}
                  data-testid={rowTestId}
                >
                  {row.getVisibleCells().map((cell) => {
                    const meta = cell.column.columnDef.meta as DataColumn | undefined;
                    const content = flexRender(cell.column.columnDef.cell, cell.getContext());
                    return (
                      <td
                        key={cell.id}
                        className={cn(
                          "px-4 py-3 whitespace-nowrap text-slate-700",
                          meta?.align === "right" && "text-right tabular-nums",
                          !meta && "w-10 px-3",
                        )}
                      >
                        {meta?.truncate ? <Truncated text={row.original.text?.[meta.id]}>{content}</Truncated> : content}
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      </>
    </SelectionContext.Provider>
  );
}

function Checkbox({
  label,
  checked,
  indeterminate = false,
  onChange,
}: {
  label: string;
  checked: boolean;
  indeterminate?: boolean;
  onChange: (value: boolean) => void;
}) {
  const ref = useRef<HTMLInputElement>(null);
  useLayoutEffect(() => {
    if (ref.current) ref.current.indeterminate = indeterminate;
  }, [indeterminate]);
  return (
    <input
      ref={ref}
      type="checkbox"
      aria-label={label}
      checked={checked}
      onChange={(e) => onChange(e.target.checked)}
      className="size-4 rounded border-slate-300 accent-indigo-600"
      data-testid="row-select"
    />
  );
}

const tipClass =
  "z-50 max-w-80 rounded-md bg-slate-900 px-2.5 py-1.5 text-xs leading-snug break-words whitespace-normal text-white shadow-lg dark:bg-slate-100 dark:text-slate-900";

/**
 * A cell cut to its column's width. Only when it is actually cut does it get a tooltip with the whole text, and a
 * tab stop if it holds nothing focusable itself, so keyboard users can read it too.
 */
function Truncated({ text, children }: { text: string | undefined; children: ReactNode }) {
  const ref = useRef<HTMLSpanElement>(null);
  const [cut, setCut] = useState(false);
  const [focusable, setFocusable] = useState(false);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    const measure = () => {
      setCut(el.scrollWidth > el.clientWidth + 1);
      setFocusable(!el.querySelector("a, button, input, select, textarea"));
    };
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    return () => observer.disconnect();
  }, []);
  return (
    <Tooltip content={text} side="bottom" align="start" className={tipClass} disabled={!cut || !text}>
      <span ref={ref} className="block max-w-[16rem] truncate" {...(cut && focusable ? { tabIndex: 0 } : {})}>
        {children}
      </span>
    </Tooltip>
  );
}
