import { AppError } from "@/lib/server/errors";
import { errorResponse } from "@/lib/server/http";
import { getImport } from "@/lib/server/imports/imports";
import { getSessionUser } from "@/lib/server/session";

/** The job's progress, polled by the import page (so progress survives a reload: it lives in the database). */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  try {
    const user = await getSessionUser();
    if (!user) throw new AppError("UNAUTHENTICATED", "Sign in.");
    const job = await getImport(user, (await params).id);
    return Response.json(job, { headers: { "cache-control": "no-store" } });
  } catch (error) {
    return errorResponse(error);
  }
}
