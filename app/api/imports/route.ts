import { AppError } from "@/lib/server/errors";
import { errorResponse } from "@/lib/server/http";
import { getSessionUser } from "@/lib/server/session";
import { executeUseCase } from "@/lib/server/use-cases";
import { MAX_IMPORT_BYTES } from "@/lib/validation/import";

/**
 * POST a CSV (multipart: kind, file): the app's door to the import.upload use case (POST /api/v1/imports is the
 * API's). Stores it with a guessed mapping and answers with the job id.
 */
export async function POST(request: Request) {
  try {
    const user = await getSessionUser();
    if (!user) throw new AppError("UNAUTHENTICATED", "Sign in to import.");
    if (Number(request.headers.get("content-length") ?? 0) > MAX_IMPORT_BYTES + 64_000)
      throw new AppError("INVALID", "The file is larger than 20 MB.");
    const form = await request.formData();
    const kindValue = form.get("kind");
    const kind = typeof kindValue === "string" ? kindValue : "";
    const file = form.get("file");
    if (!(file instanceof File) || file.size === 0)
      throw new AppError("INVALID", "Choose a CSV file.", { fieldErrors: { file: ["Choose a CSV file."] } });
    const { jobId } = await executeUseCase("import.upload", user, { kind, fileName: file.name, text: await file.text() });
    return Response.json({ id: jobId }, { status: 201 });
  } catch (error) {
    return errorResponse(error);
  }
}
