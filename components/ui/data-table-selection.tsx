"use client";

import { createContext, useContext } from "react";

export interface SelectedRow {
  id: string;
  label: string;
}

export const SelectionContext = createContext<{ selected: SelectedRow[]; clear: () => void }>({ selected: [], clear: () => {} });

/** The rows ticked in the enclosing DataTable, for the bulk actions its page puts in the toolbar. */
export function useSelection() {
  return useContext(SelectionContext);
}
