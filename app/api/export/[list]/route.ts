import { exportList, EXPORT_LISTS, type ExportList } from "@/lib/server/exports/export-list";
import { AppError } from "@/lib/server/errors";
import { csvDownload, errorResponse } from "@/lib/server/http";
import { getSessionUser } from "@/lib/server/session";

/** GET /api/export/<list>?<the list's own filters> — the list as CSV, as filtered on screen. */
export async function GET(request: Request, { params }: { params: Promise<{ list: string }> }) {
  try {
    const user = await getSessionUser();
    if (!user) throw new AppError("UNAUTHENTICATED", "Sign in to export.");
    const { list } = await params;
    if (!(EXPORT_LISTS as readonly string[]).includes(list)) throw new AppError("NOT_FOUND", "No such list.");
    const raw = Object.fromEntries(new URL(request.url).searchParams);
    const day = new Date().toISOString().slice(0, 10);
    return await csvDownload(exportList(user, list as ExportList, raw), `winnow-${list}-${day}.csv`);
  } catch (error) {
    return errorResponse(error);
  }
}
