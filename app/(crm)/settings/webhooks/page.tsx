import { AlertTriangle } from "lucide-react";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { NewWebhookForm } from "@/components/integrations/new-webhook-form";
import { RedeliverButton, WebhookEndpointButtons } from "@/components/integrations/webhook-buttons";
import { Badge } from "@/components/ui/badge";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { Table, Td, Th } from "@/components/ui/data-table";
import { TipTarget, Tooltip } from "@/components/ui/tooltip";
import { PageHeader } from "@/components/ui/page-header";
import { can } from "@/lib/permissions";
import { requireUser } from "@/lib/server/session";
import { listDeliveries, listWebhooks } from "@/lib/server/webhooks/manage";
import { formatDateTime } from "@/lib/utils";

export const metadata: Metadata = { title: "Webhooks" };

const STATUS_TONE = { delivered: "good", pending: "warn", failed: "bad" } as const;

export default async function WebhooksPage() {
  const user = await requireUser();
  if (!can(user.role, "integration.manage")) notFound();
  const endpoints = await listWebhooks(user);
  const logs = await Promise.all(endpoints.map((e) => listDeliveries(user, e.id, 10)));
  const disabled = endpoints.filter((e) => e.disabledAt);
  return (
    <>
      <PageHeader
        eyebrow="Settings"
        title="Webhooks"
        description={
          <>
            Winnow POSTs JSON to your endpoints when things happen, signed with{" "}
            <code>Winnow-Signature: t=…,v1=HMAC-SHA256(secret, &quot;t.body&quot;)</code>. Refuse timestamps more than 5 minutes old. Failed
            deliveries are retried with growing waits for about four hours.
          </>
        }
      />
      {disabled.map((e) => (
        <p
          key={e.id}
          role="alert"
          data-testid="webhook-disabled-banner"
          className="mb-4 flex items-start gap-2 rounded-md border border-rose-200 bg-rose-50 px-3 py-2 text-sm text-rose-800"
        >
          <AlertTriangle className="mt-0.5 size-4 shrink-0" aria-hidden />
          <span>
            <strong>{e.url}</strong> is disabled. {e.disabledReason} Fix the receiver, then enable it: pending deliveries resume.
          </span>
        </p>
      ))}
      <div className="grid grid-cols-1 gap-6 lg:grid-cols-5">
        <div className="space-y-6 lg:col-span-3">
          {endpoints.length === 0 && (
            <Card>
              <CardBody className="text-sm text-slate-500">No endpoints yet.</CardBody>
            </Card>
          )}
          {endpoints.map((e, i) => (
            <Card key={e.id} data-testid="webhook-endpoint">
              <CardHeader
                title={<span className="break-all">{e.url}</span>}
                description={
                  <>
                    {e.description ? `${e.description} · ` : ""}
                    {e.events.join(", ")} · secret {e.secretHint}
                  </>
                }
                actions={
                  <div className="flex items-center gap-2">
                    {e.disabledAt ? <Badge tone="bad">Disabled</Badge> : <Badge tone="good">Active</Badge>}
                    <WebhookEndpointButtons endpointId={e.id} disabled={Boolean(e.disabledAt)} />
                  </div>
                }
              />
              <Table>
                <thead className="bg-slate-50">
                  <tr>
                    <Th>Event</Th>
                    <Th>Status</Th>
                    <Th>Attempts</Th>
                    <Th>Last result</Th>
                    <Th>Created</Th>
                    <Th>
                      <span className="sr-only">Actions</span>
                    </Th>
                  </tr>
                </thead>
                <tbody className="divide-y divide-slate-100 bg-white">
                  {(logs[i] ?? []).length === 0 && (
                    <tr>
                      <Td colSpan={6} className="text-slate-500">
                        No deliveries yet.
                      </Td>
                    </tr>
                  )}
                  {(logs[i] ?? []).map((d) => (
                    <tr key={d.id}>
                      <Td>
                        <code className="text-xs">{d.event.type}</code>
                      </Td>
                      <Td>
                        <Badge tone={STATUS_TONE[d.status as keyof typeof STATUS_TONE] ?? "neutral"}>{d.status}</Badge>
                      </Td>
                      <Td>{d.attempts}</Td>
                      <Td>
                        {d.lastError ? (
                          <Tooltip content={<span className="break-all">{d.lastError}</span>}>
                            <TipTarget className="block max-w-48 truncate">{d.lastError}</TipTarget>
                          </Tooltip>
                        ) : d.lastStatusCode ? (
                          `HTTP ${d.lastStatusCode}`
                        ) : (
                          "—"
                        )}
                      </Td>
                      <Td>{formatDateTime(d.createdAt)}</Td>
                      <Td>{d.status !== "pending" && <RedeliverButton deliveryId={d.id} />}</Td>
                    </tr>
                  ))}
                </tbody>
              </Table>
            </Card>
          ))}
        </div>
        <Card className="self-start lg:col-span-2">
          <CardHeader title="Add an endpoint" description="The signing secret is shown once, right after you add it." />
          <CardBody>
            <NewWebhookForm />
          </CardBody>
        </Card>
      </div>
    </>
  );
}
