import { Download } from "lucide-react";
import type { Metadata } from "next";
import { can } from "@/lib/permissions";
import { notFound } from "next/navigation";
import { ConfirmImportButton } from "@/components/imports/confirm-button";
import { ImportProgress } from "@/components/imports/import-progress";
import { MappingForm } from "@/components/imports/mapping-form";
import { Badge } from "@/components/ui/badge";
import { ButtonLink } from "@/components/ui/button";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { Table, Td, Th } from "@/components/ui/data-table";
import { PageHeader } from "@/components/ui/page-header";
import { orNotFound } from "@/lib/server/pages";
import { getImport } from "@/lib/server/imports/imports";
import { requireUser } from "@/lib/server/session";
import { IMPORT_FIELDS, REQUIRED_FIELDS, type ImportKind } from "@/lib/validation/import";

export const metadata: Metadata = { title: "Import" };
export const dynamic = "force-dynamic";

const RUNNING = new Set(["dry_run_queued", "dry_running", "queued", "running"]);

export default async function ImportJobPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireUser();
  // Roles that cannot import see no import at all, as if it did not exist.
  if (!can(user.role, "import.run")) notFound();
  const job = await orNotFound(getImport(user, (await params).id));
  const kind = job.kind as ImportKind;
  const dryDone = job.status === "dry_run_done";
  const finished = job.status === "done";
  const showCounts = dryDone || finished || job.status === "failed";
  return (
    <>
      <PageHeader
        eyebrow={`Import · ${kind}`}
        title={job.fileName}
        description={`${job.total.toLocaleString("en-US")} rows`}
        actions={
          showCounts && (
            <ButtonLink href={`/api/imports/${job.id}/report`} variant="secondary" prefetch={false}>
              <Download className="size-4" aria-hidden />
              Report CSV
            </ButtonLink>
          )
        }
      />
      {(job.status === "uploaded" || dryDone || job.status === "failed") && (
        <Card className="mb-6">
          <CardHeader
            title="1. Map columns"
            description="Guessed from the header line; change any that are wrong. Leads files may add criterion:<id> columns (claimed / negative / unknown)."
          />
          <CardBody>
            <MappingForm
              jobId={job.id}
              fields={[...IMPORT_FIELDS[kind]]}
              required={[...REQUIRED_FIELDS[kind]]}
              headers={job.headers}
              mapping={job.mapping as Record<string, number | null>}
            />
          </CardBody>
        </Card>
      )}
      {job.status !== "uploaded" && (
        <Card className="mb-6">
          <CardHeader
            title={finished ? "3. Imported" : "2. Dry run"}
            description={finished ? "The report is kept; download it any time." : "Nothing is written until you import."}
          />
          <CardBody className="space-y-4">
            <ImportProgress key={job.status} jobId={job.id} initial={{ status: job.status, total: job.total, processed: job.processed }} />
            {job.message && <p className="text-sm text-rose-700">{job.message}</p>}
            {showCounts && (
              <dl className="grid grid-cols-2 gap-3 sm:grid-cols-4" data-testid="import-counts">
                {[
                  ["created", finished ? "Created" : "Will create", job.created],
                  ["updated", finished ? "Updated" : "Will update", job.updated],
                  ["duplicates", "Duplicates skipped", job.duplicates],
                  ["errors", "Rows with errors", job.errors],
                ].map(([key, label, n]) => (
                  <div key={key} className="rounded-md bg-slate-50 px-3 py-2 ring-1 ring-slate-200" data-testid={`count-${key}`}>
                    <dt className="text-xs text-slate-500">{label}</dt>
                    <dd className="text-lg font-semibold tabular-nums">{Number(n).toLocaleString("en-US")}</dd>
                  </div>
                ))}
              </dl>
            )}
            {dryDone && <ConfirmImportButton jobId={job.id} rows={job.created + job.updated} />}
            {!RUNNING.has(job.status) && job.issues.length > 0 && (
              <Table data-testid="import-issues">
                <thead className="bg-slate-50">
                  <tr>
                    <Th>Row</Th>
                    <Th>Outcome</Th>
                    <Th>Why</Th>
                  </tr>
                </thead>
                <tbody className="divide-y divide-slate-100 bg-white">
                  {job.issues.map((i) => (
                    <tr key={i.row}>
                      <Td className="tabular-nums">{i.row}</Td>
                      <Td>
                        <Badge tone={i.outcome === "error" ? "bad" : "warn"}>{i.outcome}</Badge>
                      </Td>
                      <Td className="whitespace-normal">{i.message}</Td>
                    </tr>
                  ))}
                </tbody>
              </Table>
            )}
          </CardBody>
        </Card>
      )}
    </>
  );
}
