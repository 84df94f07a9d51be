import "server-only";
import type { Tx } from "../db";
import { rescoreAccounts } from "../qualification/account-assessment";
import type { IntakeConfig } from "../intake/config";
import type { leadScoreColumns } from "../leads/scoring";
import { writeLeads } from "../leads/write";
import type { QualificationSettings } from "../qualification/settings";
import type { AccountRow, ContactRow, LeadRow } from "./rows";

type OutcomeKind = "created" | "updated" | "duplicate" | "error";
export interface Outcome {
  row: number;
  outcome: OutcomeKind;
  message?: string;
  recordId?: string;
}
export interface BatchRow<T> {
  row: number;
  data: T;
  /** A lead row's engine score, computed before the batch's transaction (see `runImport`). */
  scored?: ReturnType<typeof leadScoreColumns>;
}
export interface ApplyContext {
  organizationId: string;
  actorId: string;
  jobId: string;
  settings: QualificationSettings;
  routing: IntakeConfig["routing"];
  now: Date;
  dryRun: boolean;
}

/** Accounts: an existing domain is updated with the file's non-empty cells; anything else is created. */
export async function applyAccounts(tx: Tx, ctx: ApplyContext, rows: BatchRow<AccountRow>[]): Promise<Outcome[]> {
  const domains = rows.flatMap((r) => (r.data.domain ? [r.data.domain] : []));
  const existing =
    domains.length > 0
      ? await tx.account.findMany({ where: { organizationId: ctx.organizationId, domain: { in: domains } }, select: { id: true, domain: true } })
      : [];
  const byDomain = new Map(existing.map((a) => [a.domain, a.id]));
  const outcomes: Outcome[] = [];
  const creates: BatchRow<AccountRow>[] = [];
  for (const r of rows) {
    const id = r.data.domain ? byDomain.get(r.data.domain) : undefined;
    if (!id) {
      creates.push(r);
      continue;
    }
    if (!ctx.dryRun) {
      const patch = Object.fromEntries(Object.entries(r.data).filter(([, v]) => v !== null && !(Array.isArray(v) && v.length === 0)));
      await tx.account.update({ where: { id }, data: patch });
    }
    outcomes.push({ row: r.row, outcome: "updated", recordId: id, message: `Existing account with domain ${r.data.domain}` });
  }
  if (ctx.dryRun) return [...outcomes, ...creates.map((r) => ({ row: r.row, outcome: "created" as const }))];
  const created = await tx.account.createManyAndReturn({
    data: creates.map((r) => ({ ...r.data, organizationId: ctx.organizationId, ownerId: ctx.actorId })),
    select: { id: true },
  });
  // Created and updated accounts get their stored fit through the one re-score path, like a hand edit, in one batch.
  const ids = [...outcomes.flatMap((o) => (o.recordId ? [o.recordId] : [])), ...created.map((c) => c.id)];
  await rescoreAccounts(tx, ctx.organizationId, ids, "import", ctx.now, ctx.settings);
  return [...outcomes, ...creates.map((r, i) => ({ row: r.row, outcome: "created" as const, recordId: created[i]?.id }))];
}

/** Contacts join their account by domain (or exact name); an existing email is updated, not doubled. */
export async function applyContacts(tx: Tx, ctx: ApplyContext, rows: BatchRow<ContactRow>[]): Promise<Outcome[]> {
  const domains = [...new Set(rows.flatMap((r) => (r.data.accountDomain ? [r.data.accountDomain] : [])))];
  const names = [...new Set(rows.flatMap((r) => (!r.data.accountDomain && r.data.accountName ? [r.data.accountName] : [])))];
  const accounts = await tx.account.findMany({
    where: { organizationId: ctx.organizationId, OR: [{ domain: { in: domains } }, { name: { in: names } }] },
    select: { id: true, domain: true, name: true },
  });
  const emails = rows.flatMap((r) => (r.data.email ? [r.data.email.toLowerCase()] : []));
  const existing =
    emails.length > 0
      ? await tx.$queryRaw<
          { id: string; email: string }[]
        >`SELECT "id", lower("email") AS email FROM "Contact" WHERE "organizationId" = ${ctx.organizationId} AND lower("email") = ANY(${emails})`
      : [];
  const byEmail = new Map(existing.map((c) => [c.email, c.id]));
  const outcomes: Outcome[] = [];
  const creates: {
    row: number;
    data: { organizationId: string; accountId: string; name: string; title: string | null; email: string | null; phone: string | null };
  }[] = [];
  for (const r of rows) {
    const { accountDomain, accountName, ...fields } = r.data;
    const account = accounts.find((a) => (accountDomain ? a.domain === accountDomain : a.name === accountName));
    if (!account) {
      outcomes.push({
        row: r.row,
        outcome: "error",
        message: `account: no account ${accountDomain ?? accountName} in Winnow; import accounts first.`,
      });
      continue;
    }
    const id = fields.email ? byEmail.get(fields.email.toLowerCase()) : undefined;
    if (id) {
      if (!ctx.dryRun) await tx.contact.update({ where: { id }, data: { ...fields, accountId: account.id } });
      outcomes.push({ row: r.row, outcome: "updated", recordId: id, message: `Existing contact ${fields.email}` });
    } else creates.push({ row: r.row, data: { ...fields, organizationId: ctx.organizationId, accountId: account.id } });
  }
  if (ctx.dryRun) return [...outcomes, ...creates.map((c) => ({ row: c.row, outcome: "created" as const }))];
  const created = await tx.contact.createManyAndReturn({ data: creates.map((c) => c.data), select: { id: true } });
  return [...outcomes, ...creates.map((c, i) => ({ row: c.row, outcome: "created" as const, recordId: created[i]?.id }))];
}

/** Leads are scored and routed exactly as a form submission is; a lead already in Winnow (same email) is a duplicate. */
export async function applyLeads(tx: Tx, ctx: ApplyContext, rows: BatchRow<LeadRow>[]): Promise<Outcome[]> {
  const emails = rows.flatMap((r) => (r.data.email ? [r.data.email] : []));
  const existing =
    emails.length > 0
      ? await tx.lead.findMany({
          where: { organizationId: ctx.organizationId, email: { in: emails }, status: { not: "duplicate" } },
          select: { id: true, email: true },
        })
      : [];
  const byEmail = new Map(existing.map((l) => [l.email, l.id]));
  const outcomes: Outcome[] = [];
  const creates: BatchRow<LeadRow>[] = [];
  for (const r of rows) {
    const id = r.data.email ? byEmail.get(r.data.email) : undefined;
    if (id) outcomes.push({ row: r.row, outcome: "duplicate", recordId: id, message: `Lead ${r.data.email} is already in Winnow` });
    else creates.push(r);
  }
  if (ctx.dryRun) return [...outcomes, ...creates.map((r) => ({ row: r.row, outcome: "created" as const }))];
  const created = await writeLeads(
    tx,
    {
      organizationId: ctx.organizationId,
      actorId: ctx.actorId,
      source: "import",
      settings: ctx.settings,
      routing: ctx.routing,
      now: ctx.now,
      importJobId: ctx.jobId,
    },
    creates.map((r) => {
      const { answers, ...fields } = r.data;
      return { fields, answers, scored: r.scored };
    }),
  );
  return [...outcomes, ...creates.map((r, i) => ({ row: r.row, outcome: "created" as const, recordId: created[i]?.id }))];
}
