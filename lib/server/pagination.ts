export interface Page<Row> {
  rows: Row[];
  total: number;
  page: number;
  pageCount: number;
  pageSize: number;
}

export function toPage<Row>(rows: Row[], total: number, page: number, pageSize: number): Page<Row> {
  return { rows, total, page, pageSize, pageCount: Math.max(1, Math.ceil(total / pageSize)) };
}

/** An orderBy for one column; nullable columns sort their empty values last in both directions. */
export function orderByColumn(column: string, dir: "asc" | "desc", nullableColumns: readonly string[]) {
  return { [column]: nullableColumns.includes(column) ? { sort: dir, nulls: "last" as const } : dir };
}
