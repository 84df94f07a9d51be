import { openApiDocument } from "@/lib/server/api/openapi";

/** Public (no key needed): the document describes the API, it holds no data. */
export function GET(): Response {
  return Response.json(openApiDocument());
}
