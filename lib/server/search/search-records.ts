import "server-only";
import { z } from "zod";
import { scopeOf } from "../../permissions";
import { HITS_PER_KIND, MIN_QUERY, SEARCH_KINDS, type SearchHit, type SearchKind } from "../../search";
import { readDb } from "../db";
import { inOrg } from "../scope";
import type { SessionUser } from "../session";

/** The palette's query, trimmed; anything unusable becomes "" (no hits). */
const searchQuery = z.string().trim().max(100).catch("");

/** A record picker asks for one or more kinds (`?kind=account`); unknown or missing kinds mean all of them. */
const searchKinds = z
  .array(z.string())
  .catch([])
  .transform((asked): ReadonlySet<SearchKind> => {
    const known = SEARCH_KINDS.filter((kind) => asked.includes(kind));
    return new Set(known.length > 0 ? known : SEARCH_KINDS);
  });

/** Hits whose name starts with the query come first, then the rest by name. */
function rank(query: string) {
  const q = query.toLowerCase();
  return (a: SearchHit, b: SearchHit) =>
    Number(!a.label.toLowerCase().startsWith(q)) - Number(!b.label.toLowerCase().startsWith(q)) || a.label.localeCompare(b.label);
}

/**
 * Jump-to search for the command palette: deals, accounts, contacts and leads whose name contains the query,
 * in the caller's organization only (the `ILIKE '%…%'` matches use the pg_trgm GIN indexes on the names).
 * Leads follow `lead.view`: reps see only the leads routed to them; a role without it sees none.
 * Record pickers pass `rawKinds` to ask for one kind only (an account picker wants accounts).
 */
export async function searchRecords(user: SessionUser, raw: unknown, rawKinds: unknown = []): Promise<SearchHit[]> {
  const query = searchQuery.parse(raw);
  const kinds = searchKinds.parse(rawKinds);
  if (query.length < MIN_QUERY) return [];
  // Prisma passes `contains` into LIKE as is: escape its wildcards so "%" or "_" mean themselves.
  const like = { contains: query.replace(/[\\%_]/g, "\\$&"), mode: "insensitive" as const };
  const take = HITS_PER_KIND;
  const orderBy = { name: "asc" as const };
  const leadScope = scopeOf(user.role, "lead.view");
  const client = readDb();
  const none = Promise.resolve([]);
  const [deals, accounts, contacts, leads] = await Promise.all([
    !kinds.has("deal")
      ? none
      : client.opportunity.findMany({
          where: inOrg(user, { name: like }),
          orderBy,
          take,
          select: { id: true, name: true, account: { select: { name: true } } },
        }),
    !kinds.has("account")
      ? none
      : client.account.findMany({ where: inOrg(user, { name: like }), orderBy, take, select: { id: true, name: true, domain: true } }),
    !kinds.has("contact")
      ? none
      : client.contact.findMany({
          where: inOrg(user, { name: like }),
          orderBy,
          take,
          select: { id: true, name: true, account: { select: { name: true } } },
        }),
    leadScope === null || !kinds.has("lead")
      ? none
      : client.lead.findMany({
          where: inOrg(user, { OR: [{ name: like }, { companyName: like }], ...(leadScope === "own" && { ownerId: user.id }) }),
          orderBy,
          take,
          select: { id: true, name: true, companyName: true },
        }),
  ]);
  const byRank = rank(query);
  return [
    ...deals.map((d): SearchHit => ({ kind: "deal", id: d.id, label: d.name, detail: d.account.name, href: `/opportunities/${d.id}` })).sort(byRank),
    ...accounts.map((a): SearchHit => ({ kind: "account", id: a.id, label: a.name, detail: a.domain, href: `/accounts/${a.id}` })).sort(byRank),
    ...contacts.map((c): SearchHit => ({ kind: "contact", id: c.id, label: c.name, detail: c.account.name, href: `/contacts/${c.id}` })).sort(byRank),
    ...leads.map((l): SearchHit => ({ kind: "lead", id: l.id, label: l.name, detail: l.companyName, href: `/leads/${l.id}` })).sort(byRank),
  ];
}
