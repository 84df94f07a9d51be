import { Badge } from "@/components/ui/badge";

interface SchemaDoc {
  type?: string | string[];
  properties?: Record<string, SchemaDoc>;
  required?: string[];
  description?: string;
  enum?: unknown[];
  items?: SchemaDoc;
  anyOf?: SchemaDoc[];
}

export interface OperationDoc {
  operationId: string;
  summary: string;
  tags: string[];
  parameters: Array<{ name: string; in: string; required?: boolean; description?: string; schema?: SchemaDoc }>;
  /** By media type: JSON for most operations, a CSV file for an import's upload. */
  requestBody?: { content: Record<string, { schema?: SchemaDoc }> };
  responses: Record<string, { description: string }>;
}

const TONE = { get: "info", post: "good", patch: "warn", put: "warn" } as const;

function typeOf(s: SchemaDoc | undefined): string {
  if (!s) return "any";
  if (s.enum) return s.enum.map((v) => JSON.stringify(v)).join(" | ");
  if (s.anyOf) return s.anyOf.map(typeOf).join(" | ");
  if (s.type === "array") return `${typeOf(s.items)}[]`;
  return Array.isArray(s.type) ? s.type.join(" | ") : (s.type ?? "any");
}

/** One endpoint of the reference: method, path, what it does, what it takes and what it answers. */
export function OperationBlock({ method, path, op }: { method: string; path: string; op: OperationDoc }) {
  const media = Object.keys(op.requestBody?.content ?? {});
  const body = op.requestBody?.content["application/json"]?.schema;
  const success = Object.keys(op.responses).find((s) => s.startsWith("2"));
  return (
    <section className="px-4 py-3 text-sm" id={op.operationId} data-testid="api-operation">
      <h3 className="flex flex-wrap items-center gap-2">
        <Badge tone={TONE[method as keyof typeof TONE] ?? "neutral"} className="uppercase">
          {method}
        </Badge>
        <code className="font-semibold break-all text-slate-900">{path}</code>
        <span className="text-slate-500">→ {success}</span>
      </h3>
      <p className="mt-1 text-slate-700">{op.summary}</p>
      {op.parameters.length > 0 && (
        <ul className="mt-2 flex flex-wrap gap-x-4 gap-y-1 text-xs text-slate-600">
          {op.parameters.map((p) => (
            <li key={`${p.in}-${p.name}`}>
              <code>{p.name}</code>{" "}
              <span className="text-slate-500">
                ({p.in}
                {p.required ? ", required" : ""}: {typeOf(p.schema)})
              </span>
            </li>
          ))}
        </ul>
      )}
      {media.length > 0 && !media.includes("application/json") && (
        <p className="mt-2 text-xs text-slate-600">
          Body: <code>{media.join(" or ")}</code>
        </p>
      )}
      {body?.properties && (
        <details className="mt-2">
          <summary className="cursor-pointer text-xs font-medium text-slate-600">JSON body</summary>
          <ul className="mt-1 space-y-0.5 text-xs text-slate-600">
            {Object.entries(body.properties).map(([name, s]) => (
              <li key={name}>
                <code>{name}</code>
                {body.required?.includes(name) && <span className="text-rose-600">*</span>} <span className="text-slate-500">{typeOf(s)}</span>
                {s.description && ` — ${s.description}`}
              </li>
            ))}
          </ul>
        </details>
      )}
    </section>
  );
}
