import { handleApiRequest } from "@/lib/server/api/handler";

type Context = { params: Promise<{ path: string[] }> };

/** /api/v1: bearer keys only (no cookies, so no CSRF surface); every path is routed by lib/server/api. */
async function handler(request: Request, context: Context): Promise<Response> {
  const { path } = await context.params;
  return handleApiRequest(request, path);
}

export const dynamic = "force-dynamic";
export { handler as GET, handler as POST, handler as PATCH, handler as PUT, handler as DELETE };
