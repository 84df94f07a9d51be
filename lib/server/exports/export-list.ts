import "server-only";
import { can } from "../../permissions";
import { accountListParams, accountListWhere, accountsNamed } from "../accounts/queries";
import { contactListParams, contactListWhere } from "../contacts/queries";
import { csvLine } from "../csv";
import { db } from "../db";
import { forbidden } from "../errors";
import { leadListParams, leadWhere } from "../leads/queries";
import { opportunityListParams, opportunityListWhere } from "../opportunities/queries";
import type { SessionUser } from "../session";

export const EXPORT_LISTS = ["accounts", "contacts", "opportunities", "leads"] as const;
export type ExportList = (typeof EXPORT_LISTS)[number];

const PAGE = 1000;
type Raw = Record<string, string | string[] | undefined>;

/** Pages through rows by id (keyset), so memory stays flat however long the list is. */
async function* pages<T extends { id: string }>(fetch: (after: string | undefined) => Promise<T[]>): AsyncGenerator<T[]> {
  let after: string | undefined;
  for (;;) {
    const rows = await fetch(after);
    if (rows.length === 0) return;
    yield rows;
    after = rows[rows.length - 1]?.id;
    if (rows.length < PAGE) return;
  }
}

const keyset = (after: string | undefined) => ({ take: PAGE, orderBy: { id: "asc" as const }, ...(after && { cursor: { id: after }, skip: 1 }) });
const day = (d: Date | null) => d?.toISOString().slice(0, 10) ?? null;

/**
 * Every list as CSV with the filters currently applied: the same URL parameters, parsed by the same schema
 * and turned into the same where as the list on screen.
 */
export async function* exportList(user: SessionUser, list: ExportList, raw: Raw): AsyncGenerator<string> {
  if (!can(user.role, "export.run")) throw forbidden();
  switch (list) {
    case "accounts": {
      const where = accountListWhere(user, accountListParams.parse(raw));
      yield csvLine([
        "id",
        "name",
        "domain",
        "industry",
        "employee_count",
        "country",
        "region",
        "funding_stage",
        "tech_stack",
        "hiring_signals",
        "owner",
        "created_at",
      ]);
      for await (const rows of pages((after) => db().account.findMany({ where, ...keyset(after), include: { owner: { select: { name: true } } } }))) {
        yield rows
          .map((a) =>
            csvLine([
              a.id,
              a.name,
              a.domain,
              a.industry,
              a.employeeCount,
              a.country,
              a.region,
              a.fundingStage,
              a.techStack.join("; "),
              a.hiringSignals.join("; "),
              a.owner.name,
              a.createdAt,
            ]),
          )
          .join("");
      }
      return;
    }
    case "contacts": {
      const params = contactListParams.parse(raw);
      const where = contactListWhere(user, params, await accountsNamed(user, params.q));
      yield csvLine(["id", "name", "title", "email", "phone", "account", "account_domain", "created_at"]);
      for await (const rows of pages((after) =>
        db().contact.findMany({ where, ...keyset(after), include: { account: { select: { name: true, domain: true } } } }),
      )) {
        yield rows.map((c) => csvLine([c.id, c.name, c.title, c.email, c.phone, c.account.name, c.account.domain, c.createdAt])).join("");
      }
      return;
    }
    case "opportunities": {
      const params = opportunityListParams.parse(raw);
      const where = opportunityListWhere(user, params, await accountsNamed(user, params.q));
      yield csvLine([
        "id",
        "name",
        "account",
        "owner",
        "stage",
        "status",
        "amount",
        "currency",
        "expected_close",
        "resume_on",
        "watch_for",
        "updated_at",
      ]);
      for await (const rows of pages((after) =>
        db().opportunity.findMany({ where, ...keyset(after), include: { account: { select: { name: true } }, owner: { select: { name: true } } } }),
      )) {
        yield rows
          .map((o) =>
            csvLine([
              o.id,
              o.name,
              o.account.name,
              o.owner.name,
              o.stage,
              o.status,
              o.amount.toString(),
              o.currency,
              day(o.expectedCloseDate),
              day(o.resumeOn),
              o.watchFor,
              o.updatedAt,
            ]),
          )
          .join("");
      }
      return;
    }
    case "leads": {
      const where = leadWhere(user, leadListParams.parse(raw));
      yield csvLine([
        "id",
        "name",
        "email",
        "title",
        "company",
        "domain",
        "industry",
        "employee_count",
        "region",
        "source",
        "status",
        "verdict",
        "fit",
        "intent",
        "owner_id",
        "resume_on",
        "watch_for",
        "created_at",
      ]);
      for await (const rows of pages((after) => db().lead.findMany({ where, ...keyset(after) }))) {
        yield rows
          .map((l) =>
            csvLine([
              l.id,
              l.name,
              l.email,
              l.title,
              l.companyName,
              l.domain,
              l.industry,
              l.employeeCount,
              l.region,
              l.source,
              l.status,
              l.verdict,
              l.fit,
              l.intent,
              l.ownerId,
              day(l.resumeOn),
              l.watchFor,
              l.createdAt,
            ]),
          )
          .join("");
      }
      return;
    }
  }
}
