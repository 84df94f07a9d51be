/**
 * One CSV cell. Quotes when needed, and defuses cells a spreadsheet would run as a formula (=, +, -, @) by
 * prefixing a quote mark, so an exported file can never execute what a visitor typed into a form.
 */
export function csvCell(value: string | number | boolean | Date | null | undefined): string {
  if (value === null || value === undefined) return "";
  let s = value instanceof Date ? value.toISOString() : String(value);
  if (/^[=+\-@\t\r]/.test(s) && !/^-?\d+(\.\d+)?$/.test(s)) s = `'${s}`;
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function csvLine(values: (string | number | boolean | Date | null | undefined)[]): string {
  return values.map(csvCell).join(",") + "\n";
}
