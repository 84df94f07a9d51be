import { beforeEach, describe, expect, it } from "vitest";
import { db } from "../../lib/server/db";
import { AppError } from "../../lib/server/errors";
import { exportList } from "../../lib/server/exports/export-list";
import { confirmImport, createImport, getImport, importReportCsv, planImport } from "../../lib/server/imports/imports";
import { runImport } from "../../lib/server/imports/run-import";
import type { SessionUser } from "../../lib/server/session";
import type { ImportKind } from "../../lib/validation/import";
import { giveIcp } from "../fixtures/leads";
import { createAccountFor, createTenant, type Tenant } from "../fixtures/tenants";

let t: Tenant;
beforeEach(async () => {
  t = await createTenant("Import");
  await giveIcp(t.admin);
});

async function collect(gen: AsyncGenerator<string>): Promise<string> {
  let out = "";
  for await (const chunk of gen) out += chunk;
  return out;
}

/** Upload, map as guessed, dry run; returns the job id. */
async function dryRun(user: SessionUser, kind: ImportKind, text: string) {
  const { id } = await createImport(user, { kind, fileName: `${kind}.csv`, text });
  const job = await getImport(user, id);
  await planImport(user, { jobId: id, mapping: job.mapping as Record<string, number | null> });
  await runImport(db(), id);
  return id;
}

async function importAll(user: SessionUser, kind: ImportKind, text: string) {
  const id = await dryRun(user, kind, text);
  await confirmImport(user, id);
  await runImport(db(), id);
  return getImport(user, id);
}

const LEADS = [
  "Full name,Work email,Company,Website,Employees,Industry,Region,Stage,criterion:metrics",
  "Ana Buyer,ana@acme.io,Acme,acme.io,300,SaaS,EMEA,,claimed",
  "Bo Buyer,not-an-email,Beta,beta.io,200,SaaS,EMEA,,",
  "Cy Buyer,cy@gamma.io,Gamma,gamma.io,200,SaaS,EMEA,Negotiation,",
  "Di Buyer,di@delta.io,Delta,delta.io,200,SaaS,EMEA,,verified",
  "Ana Again,ana@acme.io,Acme,acme.io,300,SaaS,EMEA,,",
  "Ed Buyer,ed@eps.io,Eps,eps.io,10,SaaS,EMEA,Prospecting,negative",
].join("\n");

describe("CSV import", () => {
  it("guesses the mapping and dry-runs without writing anything", async () => {
    const id = await dryRun(t.marketing, "leads", LEADS);
    const job = await getImport(t.marketing, id);
    expect(job.mapping).toMatchObject({ name: 0, email: 1, companyName: 2, domain: 3, employeeCount: 4, stage: 7, "criterion:metrics": 8 });
    expect(job).toMatchObject({ status: "dry_run_done", total: 6, processed: 6, created: 2, duplicates: 1, errors: 3 });
    expect(await db().lead.count({ where: { organizationId: t.org.id } })).toBe(0);
  });

  it("imports the good rows, reports the bad ones (stage and verified refused) and half-writes nothing", async () => {
    const job = await importAll(t.marketing, "leads", LEADS);
    expect(job).toMatchObject({ status: "done", created: 2, duplicates: 1, errors: 3 });
    expect(job.issues.map((i) => [i.row, i.outcome])).toEqual([
      [3, "error"],
      [4, "error"],
      [5, "error"],
      [6, "duplicate"],
    ]);
    expect(job.issues.find((i) => i.row === 4)?.message).toContain('"Negotiation" refused');
    expect(job.issues.find((i) => i.row === 5)?.message).toContain('"verified" refused');
    const leads = await db().lead.findMany({ where: { organizationId: t.org.id }, orderBy: { email: "asc" } });
    expect(leads.map((l) => [l.email, l.source, l.verdict])).toEqual([
      ["ana@acme.io", "import", "pursue"],
      ["ed@eps.io", "import", "disqualify"],
    ]);
    expect(leads[0]?.intent).toBeGreaterThan(0);
    const report = await collect(importReportCsv(t.marketing, job.id));
    expect(report.split("\n").filter(Boolean)).toHaveLength(7);
    expect(report).toContain("3,error,email: Enter a valid email address.");
    const again = await refusal(confirmImport(t.marketing, job.id));
    expect(again.code).toBe("CONFLICT");
  });

  it("updates accounts that match by domain and creates the rest; contacts join their account", async () => {
    const existing = await createAccountFor(t.admin, { name: "Old name", domain: "acme.io" });
    const accounts = await importAll(
      t.admin,
      "accounts",
      "name,domain,employees,region\nAcme Corp,acme.io,900,EMEA\nNew Co,newco.io,50,APAC\n,nameless.io,1,EMEA\n",
    );
    expect(accounts).toMatchObject({ created: 1, updated: 1, errors: 1 });
    expect(await db().account.findUniqueOrThrow({ where: { id: existing.id } })).toMatchObject({
      name: "Acme Corp",
      employeeCount: 900,
      region: "EMEA",
    });
    const contacts = await importAll(t.admin, "contacts", "name,email,account domain\nPat,pat@newco.io,newco.io\nLee,lee@x.io,unknown.io\n");
    expect(contacts).toMatchObject({ created: 1, errors: 1 });
  });

  it("imports 1,000 rows in batches with progress and a full report", async () => {
    const lines = ["name,email,company,domain,employees,industry,region"];
    for (let i = 0; i < 1000; i++) lines.push(`Person ${i},p${i}@co${i}.io,Co ${i},co${i}.io,${100 + i},SaaS,${i % 2 ? "EMEA" : "APAC"}`);
    const job = await importAll(t.marketing, "leads", lines.join("\n"));
    expect(job).toMatchObject({ status: "done", total: 1000, processed: 1000, created: 1000, errors: 0 });
    expect(await db().lead.count({ where: { organizationId: t.org.id, importJobId: job.id } })).toBe(1000);
    expect(await db().importRowResult.count({ where: { jobId: job.id, outcome: "created" } })).toBe(1000);
    const owners = await db().lead.groupBy({ by: ["ownerId"], where: { organizationId: t.org.id, status: { not: "disqualified" } }, _count: true });
    expect(owners.map((o) => o._count).sort()).toEqual([500, 500]);
    // The audit log names every created lead (one row each, written in the batch's one statement) with what was decided.
    const leads = await db().lead.findMany({
      where: { importJobId: job.id },
      select: { id: true, status: true, verdict: true, fit: true, ownerId: true },
    });
    const audits = await db().auditEvent.findMany({ where: { organizationId: t.org.id, entityType: "lead", action: "create" } });
    expect(audits).toHaveLength(1000);
    const byLead = new Map(audits.map((a) => [a.entityId, a]));
    for (const lead of leads) {
      const { id, ...decided } = lead;
      expect(byLead.get(id)).toMatchObject({ actorId: t.marketing.id, after: { source: "import", ...decided } });
    }
  });

  it("refuses roles that may not import, and another organization's job", async () => {
    expect((await refusal(createImport(t.rep, { kind: "accounts", fileName: "a.csv", text: "name\nA\n" }))).code).toBe("FORBIDDEN");
    const { id } = await createImport(t.marketing, { kind: "accounts", fileName: "a.csv", text: "name\nA\n" });
    const other = await createTenant("Other");
    expect((await refusal(getImport(other.admin, id))).code).toBe("NOT_FOUND");
    expect((await refusal(planImport(t.marketing, { jobId: id, mapping: {} }))).code).toBe("INVALID");
  });
});

describe("CSV export", () => {
  it("downloads a list with its current filters, defusing formula cells", async () => {
    await createAccountFor(t.rep, { name: "Alpha", domain: "alpha.io", industry: "SaaS" });
    await createAccountFor(t.rep, { name: "=HYPERLINK(evil)", domain: "beta.io", industry: "Retail" });
    const other = await createTenant("Other");
    await createAccountFor(other.rep, { name: "Alpha elsewhere", domain: "alpha.io" });
    const all = await collect(exportList(t.rep, "accounts", {}));
    expect(all.trim().split("\n")).toHaveLength(3);
    expect(all).toContain("'=HYPERLINK(evil)");
    expect(all).not.toContain("elsewhere");
    const filtered = await collect(exportList(t.rep, "accounts", { industry: "SaaS" }));
    expect(
      filtered
        .trim()
        .split("\n")
        .map((l) => l.split(",")[1]),
    ).toEqual(["name", "Alpha"]);
    const leads = await collect(exportList(t.marketing, "leads", { status: "all" }));
    expect(leads.split("\n")[0]).toContain("fit,intent");
  });
});

async function refusal(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}
