import { can } from "@/lib/permissions";
import { exportAuditCsv } from "@/lib/server/audit-log/query";
import { getSessionUser } from "@/lib/server/session";
import { auditFilterSchema } from "@/lib/validation/audit";

/** GET /settings/audit/export?…filters — the audit trail as CSV, for admins. */
export async function GET(request: Request): Promise<Response> {
  const user = await getSessionUser();
  if (!user) return new Response("Sign in first.", { status: 401 });
  if (!can(user.role, "audit.read")) return new Response("Not found.", { status: 404 });
  const filter = auditFilterSchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  const csv = await exportAuditCsv(user, filter);
  return new Response(csv, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="audit-${new Date().toISOString().slice(0, 10)}.csv"`,
      "Cache-Control": "no-store",
    },
  });
}
