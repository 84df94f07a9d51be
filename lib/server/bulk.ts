import "server-only";
import { AppError } from "./errors";

/** What a bulk action did: the rows it changed, and each row it refused with the single-record rule's answer. */
export interface BulkReport {
  done: string[];
  refused: Array<{ id: string; code: "NOT_FOUND" | "FORBIDDEN" | "CONFLICT"; message: string }>;
}

type RowRefusal = BulkReport["refused"][number]["code"];
const ROW_REFUSALS: readonly string[] = ["NOT_FOUND", "FORBIDDEN", "CONFLICT"] satisfies RowRefusal[];

function refusalOf(error: unknown): { code: RowRefusal; message: string } | null {
  if (!(error instanceof AppError)) return null;
  const { code, message } = error as AppError;
  return ROW_REFUSALS.includes(code) ? { code: code as RowRefusal, message } : null;
}

/**
 * Runs one record's rule for each id, in order, inside the caller's transaction. Each rule checks before it
 * writes, so a refused row has written nothing and the others go on; any other error aborts the whole batch.
 * When no row at all could be changed, the first refusal is the answer (the same as the single-record action).
 */
export async function forEachRow(ids: string[], act: (id: string) => Promise<unknown>): Promise<BulkReport> {
  const report: BulkReport = { done: [], refused: [] };
  for (const id of ids) {
    try {
      await act(id);
      report.done.push(id);
    } catch (error) {
      const refusal = refusalOf(error);
      if (!refusal) throw error;
      report.refused.push({ id, ...refusal });
    }
  }
  const first = report.refused[0];
  if (report.done.length === 0 && first) throw new AppError(first.code, first.message);
  return report;
}
