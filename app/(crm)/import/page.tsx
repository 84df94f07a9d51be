import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { UploadForm } from "@/components/imports/upload-form";
import { Badge } from "@/components/ui/badge";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { Table, Td, Th } from "@/components/ui/data-table";
import { PageHeader } from "@/components/ui/page-header";
import { can } from "@/lib/permissions";
import { listImports } from "@/lib/server/imports/imports";
import { requireUser } from "@/lib/server/session";
import { formatDateTime } from "@/lib/utils";

export const metadata: Metadata = { title: "Import" };

const STATUS_TEXT: Record<string, string> = {
  uploaded: "Map columns",
  dry_run_queued: "Dry run queued",
  dry_running: "Dry run…",
  dry_run_done: "Ready to import",
  queued: "Queued",
  running: "Importing…",
  done: "Done",
  failed: "Failed",
};

export default async function ImportPage() {
  const user = await requireUser();
  if (!can(user.role, "import.run")) notFound();
  const jobs = await listImports(user);
  return (
    <>
      <PageHeader
        title="Import from CSV"
        description="Accounts, contacts or leads: map the columns, check a dry run, then import. Leads are scored and routed like form submissions."
      />
      <Card className="mb-6">
        <CardBody>
          <UploadForm />
        </CardBody>
      </Card>
      {jobs.length > 0 && (
        <Card>
          <CardHeader title="Recent imports" />
          <Table>
            <thead className="bg-slate-50">
              <tr>
                <Th>File</Th>
                <Th>Kind</Th>
                <Th>Status</Th>
                <Th className="text-right">Created</Th>
                <Th className="text-right">Updated</Th>
                <Th className="text-right">Duplicates</Th>
                <Th className="text-right">Errors</Th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100 bg-white">
              {jobs.map((j) => (
                <tr key={j.id}>
                  <Td>
                    <Link href={`/import/${j.id}`} className="font-medium text-slate-900 hover:text-indigo-600">
                      {j.fileName}
                    </Link>
                    <div className="text-xs text-slate-500">{formatDateTime(j.createdAt)}</div>
                  </Td>
                  <Td>{j.kind}</Td>
                  <Td>
                    <Badge tone={j.status === "done" ? "good" : j.status === "failed" ? "bad" : "info"}>{STATUS_TEXT[j.status] ?? j.status}</Badge>
                  </Td>
                  <Td className="text-right tabular-nums">{j.created}</Td>
                  <Td className="text-right tabular-nums">{j.updated}</Td>
                  <Td className="text-right tabular-nums">{j.duplicates}</Td>
                  <Td className="text-right tabular-nums">{j.errors}</Td>
                </tr>
              ))}
            </tbody>
          </Table>
        </Card>
      )}
    </>
  );
}
