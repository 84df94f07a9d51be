import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { NewApiKeyForm } from "@/components/integrations/new-api-key-form";
import { RevokeKeyButton } from "@/components/integrations/revoke-key-button";
import { Badge } from "@/components/ui/badge";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { Table, Td, Th } from "@/components/ui/data-table";
import { PageHeader } from "@/components/ui/page-header";
import { can, ROLE_LABELS } from "@/lib/permissions";
import { keyUserOptions, listApiKeys } from "@/lib/server/api/keys";
import { requireUser } from "@/lib/server/session";
import { formatDate, formatDateTime } from "@/lib/utils";

export const metadata: Metadata = { title: "API keys" };

export default async function ApiKeysPage() {
  const user = await requireUser();
  if (!can(user.role, "integration.manage")) notFound();
  const [keys, users] = await Promise.all([listApiKeys(user), keyUserOptions(user)]);
  return (
    <>
      <PageHeader
        eyebrow="Settings"
        title="API keys"
        description={
          <>
            Keys for the JSON API at <code>/api/v1</code>: the same permissions, evidence rules and stage gates as the app. See the{" "}
            <Link className="text-indigo-700 underline" href="/api-docs">
              API reference
            </Link>
            .
          </>
        }
      />
      <div className="grid grid-cols-1 gap-6 lg:grid-cols-5">
        <Card className="lg:col-span-3">
          <Table data-testid="api-keys-table">
            <thead className="bg-slate-50">
              <tr>
                <Th>Name</Th>
                <Th>Key</Th>
                <Th>Acts as</Th>
                <Th>Last used</Th>
                <Th>Created</Th>
                <Th>
                  <span className="sr-only">Actions</span>
                </Th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100 bg-white">
              {keys.length === 0 && (
                <tr>
                  <Td colSpan={6} className="text-slate-500">
                    No keys yet.
                  </Td>
                </tr>
              )}
              {keys.map((k) => (
                <tr key={k.id}>
                  <Td className="font-medium text-slate-900">{k.name}</Td>
                  <Td>
                    <code className="text-xs">{k.prefix}…</code>
                  </Td>
                  <Td>{k.role ? `${ROLE_LABELS[k.role]} (as ${k.userName})` : k.userName}</Td>
                  <Td>{k.lastUsedAt ? formatDateTime(k.lastUsedAt) : "Never"}</Td>
                  <Td>{formatDate(k.createdAt)}</Td>
                  <Td>
                    {k.revokedAt ? <Badge tone="bad">Revoked {formatDate(k.revokedAt)}</Badge> : <RevokeKeyButton keyId={k.id} name={k.name} />}
                  </Td>
                </tr>
              ))}
            </tbody>
          </Table>
        </Card>
        <Card className="self-start lg:col-span-2">
          <CardHeader
            title="Create a key"
            description="A role key acts in your name with the role you pick; a user key acts as that colleague. Changes made with a key are audited with its name."
          />
          <CardBody>
            <NewApiKeyForm users={users} />
          </CardBody>
        </Card>
      </div>
    </>
  );
}
