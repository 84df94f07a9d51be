import "server-only";
import { AppError } from "./errors";
import { logger } from "./logger";

const STATUS: Record<string, number> = {
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  GATE_BLOCKED: 409,
  INVALID: 422,
  RATE_LIMITED: 429,
};

/** A use case's failure as a JSON response; unexpected errors are logged and hidden. */
export function errorResponse(error: unknown): Response {
  if (error instanceof AppError) {
    const answer = error.toClient();
    return Response.json(answer, { status: STATUS[answer.code] ?? 400 });
  }
  logger.error({ err: error }, "route handler failed");
  return Response.json({ code: "INTERNAL", message: "Something went wrong on our side." }, { status: 500 });
}

/** Streams text chunks from an async generator as a CSV download. The first chunk is awaited so errors become a status. */
export async function csvDownload(chunks: AsyncGenerator<string>, fileName: string): Promise<Response> {
  const first = await chunks.next();
  const encoder = new TextEncoder();
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      if (!first.done) controller.enqueue(encoder.encode(first.value));
    },
    async pull(controller) {
      const next = await chunks.next();
      if (next.done) controller.close();
      else controller.enqueue(encoder.encode(next.value));
    },
  });
  return new Response(stream, {
    headers: { "content-type": "text/csv; charset=utf-8", "content-disposition": `attachment; filename="${fileName}"`, "cache-control": "no-store" },
  });
}
