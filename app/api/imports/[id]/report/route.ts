import { AppError } from "@/lib/server/errors";
import { csvDownload, errorResponse } from "@/lib/server/http";
import { importReportCsv } from "@/lib/server/imports/imports";
import { getSessionUser } from "@/lib/server/session";

export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  try {
    const user = await getSessionUser();
    if (!user) throw new AppError("UNAUTHENTICATED", "Sign in.");
    const { id } = await params;
    return await csvDownload(importReportCsv(user, id), `import-report-${id}.csv`);
  } catch (error) {
    return errorResponse(error);
  }
}
