import { AppError } from "@/lib/server/errors";
import { errorResponse } from "@/lib/server/http";
import { createImport } from "@/lib/server/imports/imports";
import { getSessionUser } from "@/lib/server/session";
import { IMPORT_KINDS, MAX_IMPORT_BYTES, type ImportKind } from "@/lib/validation/import";

/** POST a CSV (multipart: kind, file). Stores it with a guessed mapping and answers with the job id. */
export async function POST(request: Request) {
  try {
    const user = await getSessionUser();
    if (!user) throw new AppError("UNAUTHENTICATED", "Sign in to import.");
    if (Number(request.headers.get("content-length") ?? 0) > MAX_IMPORT_BYTES + 64_000) throw new AppError("INVALID", "The file is larger than 20 MB.");
    const form = await request.formData();
    const kindValue = form.get("kind");
    const kind = typeof kindValue === "string" ? kindValue : "";
    const file = form.get("file");
    if (!(IMPORT_KINDS as readonly string[]).includes(kind)) throw new AppError("INVALID", "Choose what the file holds.", { fieldErrors: { kind: ["Choose accounts, contacts or leads."] } });
    if (!(file instanceof File) || file.size === 0) throw new AppError("INVALID", "Choose a CSV file.", { fieldErrors: { file: ["Choose a CSV file."] } });
    const job = await createImport(user, { kind: kind as ImportKind, fileName: file.name, text: await file.text() });
    return Response.json({ id: job.id }, { status: 201 });
  } catch (error) {
    return errorResponse(error);
  }
}
