import type { Metadata } from "next";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { openApiDocument } from "@/lib/server/api/openapi";
import { requireUser } from "@/lib/server/session";
import { OperationBlock, type OperationDoc } from "@/components/integrations/operation-block";

export const metadata: Metadata = { title: "API reference" };

/** A readable view of the OpenAPI document the API serves, rendered on the server from that same document. */
export default async function ApiDocsPage() {
  await requireUser();
  const doc = openApiDocument() as { info: { description: string }; paths: Record<string, Record<string, OperationDoc>> };
  const byTag = new Map<string, Array<{ method: string; path: string; op: OperationDoc }>>();
  for (const [path, methods] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(methods)) {
      const tag = op.tags[0] ?? "Other";
      byTag.set(tag, [...(byTag.get(tag) ?? []), { method, path, op }]);
    }
  }
  return (
    <>
      <PageHeader
        eyebrow="Developers"
        title="API reference"
        description={
          <>
            Version 1, under <code>/api/v1</code>. The machine-readable OpenAPI 3.1 document is at{" "}
            <a className="text-indigo-700 underline" href="/api/v1/openapi.json">
              /api/v1/openapi.json
            </a>
            .
          </>
        }
      />
      <Card className="mb-6">
        <CardHeader title="Conventions" />
        <CardBody className="space-y-2 text-sm text-slate-700">
          {doc.info.description.split("\n\n").map((p) => (
            <p key={p}>{p}</p>
          ))}
          <p>
            Problems carry <code>code</code>: <code>UNAUTHENTICATED</code> 401, <code>FORBIDDEN</code> 403, <code>NOT_FOUND</code> 404 (also for other
            organizations’ records), <code>CONFLICT</code> 409 with <code>currentVersion</code>, <code>PAYLOAD_TOO_LARGE</code> 413,{" "}
            <code>INVALID</code> 422 with <code>errors[].path</code>, <code>GATE_BLOCKED</code> 422 with <code>blockers</code>,{" "}
            <code>RATE_LIMITED</code> 429 with <code>Retry-After</code>.
          </p>
          <p>
            Send <code>Idempotency-Key</code> on POSTs you may retry; the first response is replayed (header <code>Idempotent-Replayed: true</code>).
          </p>
        </CardBody>
      </Card>
      <div className="space-y-6">
        {[...byTag.entries()].map(([tag, ops]) => (
          <Card key={tag}>
            <CardHeader title={tag} />
            <div className="divide-y divide-slate-100">
              {ops.map(({ method, path, op }) => (
                <OperationBlock key={`${method} ${path}`} method={method} path={path} op={op} />
              ))}
            </div>
          </Card>
        ))}
      </div>
    </>
  );
}
