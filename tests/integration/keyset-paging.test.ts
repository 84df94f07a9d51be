import { beforeAll, describe, expect, it } from "vitest";
import { accountListParams, findAccounts } from "../../lib/server/accounts/queries";
import { contactListParams, findContacts } from "../../lib/server/contacts/queries";
import { db } from "../../lib/server/db";
import { findOpportunities, opportunityListParams } from "../../lib/server/opportunities/queries";
import { PAGE_SIZE } from "../../lib/validation/list-params";
import { createTenant, type Tenant } from "../fixtures/tenants";

let tenant: Tenant;
let other: Tenant;
const INDUSTRIES = ["SaaS", "Retail", null] as const;

beforeAll(async () => {
  [tenant, other] = await Promise.all([createTenant("Keyset"), createTenant("Neighbour")]);
  // 47 accounts with many ties (three industries, five sizes, some empty) so every page boundary meets ties and nulls.
  await db().account.createMany({
    data: Array.from({ length: 47 }, (_, i) => ({
      organizationId: tenant.org.id,
      ownerId: tenant.rep.id,
      name: `Firm ${String(i % 9).padStart(2, "0")}`,
      industry: INDUSTRIES[i % 3],
      employeeCount: i % 7 === 0 ? null : (i % 5) * 100,
      region: i % 2 ? "EMEA" : null,
    })),
  });
  await db().account.createMany({
    data: Array.from({ length: 5 }, (_, i) => ({ organizationId: other.org.id, ownerId: other.rep.id, name: `Firm 0${i}` })),
  });
  const accounts = await db().account.findMany({ where: { organizationId: tenant.org.id }, orderBy: { id: "asc" } });
  await db().contact.createMany({
    data: accounts.map((a, i) => ({ organizationId: tenant.org.id, accountId: a.id, name: `Pat ${i % 4}`, title: i % 3 ? "CFO" : null })),
  });
  await db().opportunity.createMany({
    data: accounts.map((a, i) => ({
      organizationId: tenant.org.id,
      pipelineId: tenant.pipeline.id,
      accountId: a.id,
      ownerId: i % 2 ? tenant.rep.id : tenant.otherRep.id,
      name: `Deal ${i % 6}`,
      amount: (i % 4) * 10_000,
      stage: i % 3 ? "discovery" : "proposal",
      expectedCloseDate: i % 5 === 0 ? null : new Date(Date.UTC(2027, 0, 1 + (i % 4))),
    })),
  });
});

type Row = { id: string };
type Lister = (params: Record<string, string | undefined>) => Promise<{ rows: Row[]; next: string | null; previous: string | null }>;

/** Every page forward by `next`, then every page backward by `previous` from the last one. */
async function walk(list: Lister, params: Record<string, string>) {
  const forward: Row[][] = [];
  let page = await list(params);
  forward.push(page.rows);
  while (page.next) {
    page = await list({ ...params, after: page.next });
    forward.push(page.rows);
  }
  const backward: Row[][] = [page.rows];
  while (page.previous) {
    page = await list({ ...params, before: page.previous });
    backward.unshift(page.rows);
  }
  return { forward, backward };
}

/** What the list must show: sorted by the value (empty values last either way), then by id in the same direction. */
function expected<T extends Row>(rows: T[], value: (row: T) => string | number | null, dir: "asc" | "desc"): string[] {
  const sign = dir === "asc" ? 1 : -1;
  return [...rows]
    .sort((a, b) => {
      const va = value(a);
      const vb = value(b);
      if (va === null || vb === null) return va === vb ? sign * (a.id < b.id ? -1 : 1) : va === null ? 1 : -1;
      if (va !== vb) return sign * (va < vb ? -1 : 1);
      return sign * (a.id < b.id ? -1 : 1);
    })
    .map((r) => r.id);
}

function checkPages(pages: Row[][], want: string[]) {
  const seen = pages.flat().map((r) => r.id);
  expect(seen).toEqual(want); // same order, nothing skipped, nothing twice
  for (const p of pages.slice(0, -1)) expect(p).toHaveLength(PAGE_SIZE);
}

describe("keyset paging", () => {
  const accountSorts = [
    ["name", (a: { name: string }) => a.name],
    ["industry", (a: { industry: string | null }) => a.industry],
    ["employeeCount", (a: { employeeCount: number | null }) => a.employeeCount],
    ["region", (a: { region: string | null }) => a.region],
  ] as const;

  for (const [sort, value] of accountSorts) {
    for (const dir of ["asc", "desc"] as const) {
      it(`pages accounts by ${sort} ${dir} forward and back without skips or repeats across ties and empty values`, async () => {
        const all = await db().account.findMany({ where: { organizationId: tenant.org.id } });
        const list: Lister = (p) => findAccounts(tenant.rep, accountListParams.parse(p));
        const { forward, backward } = await walk(list, { sort, dir });
        const want = expected(all, value as (a: (typeof all)[number]) => string | number | null, dir);
        checkPages(forward, want);
        checkPages(backward, want);
      });
    }
  }

  it("applies filters on every page and counts only the filtered rows", async () => {
    const list: Lister = (p) => findAccounts(tenant.rep, accountListParams.parse(p));
    const { forward } = await walk(list, { sort: "employeeCount", dir: "desc", industry: "SaaS", q: "firm 0" });
    const want = await db().account.findMany({ where: { organizationId: tenant.org.id, industry: "SaaS", name: { startsWith: "Firm 0" } } });
    expect(
      forward
        .flat()
        .map((r) => r.id)
        .sort(),
    ).toEqual(want.map((r) => r.id).sort());
    const first = await findAccounts(tenant.rep, accountListParams.parse({ industry: "SaaS" }));
    expect(first.total).toEqual({ count: 16, atLeast: false });
  });

  it("gives each shown account its deal count, and never another organization's rows", async () => {
    const page = await findAccounts(tenant.rep, accountListParams.parse({}));
    expect(page.rows.every((a) => a.organizationId === tenant.org.id && a.dealCount === 1)).toBe(true);
    const theirs = await findAccounts(other.rep, accountListParams.parse({ q: "firm" }));
    expect(theirs.rows.map((a) => a.organizationId)).toEqual(Array(5).fill(other.org.id));
  });

  it("ignores a cursor made for another sort and starts from the beginning", async () => {
    const byName = await findAccounts(tenant.rep, accountListParams.parse({ sort: "name" }));
    const fromStart = await findAccounts(tenant.rep, accountListParams.parse({ sort: "region" }));
    const mixed = await findAccounts(tenant.rep, accountListParams.parse({ sort: "region", after: byName.next ?? undefined }));
    expect(mixed.rows.map((r) => r.id)).toEqual(fromStart.rows.map((r) => r.id));
  });

  it("finds contacts and deals by their account's name, and deals by their own", async () => {
    const firm03 = await db().account.findMany({ where: { organizationId: tenant.org.id, name: "Firm 03" }, select: { id: true } });
    const ids = new Set(firm03.map((a) => a.id));
    expect(ids.size).toBe(5);
    const contacts = await findContacts(tenant.rep, contactListParams.parse({ q: "firm 03" }));
    expect(contacts.rows.map((c) => c.accountId).sort()).toEqual([...ids].sort());
    const deals = await findOpportunities(tenant.rep, opportunityListParams.parse({ q: "FIRM 03", status: "all" }));
    expect(deals.rows.map((d) => d.accountId).sort()).toEqual([...ids].sort());
    const byName = await findOpportunities(tenant.rep, opportunityListParams.parse({ q: "deal 5", status: "all" }));
    expect(byName.rows.length).toBe(7);
    expect(byName.rows.every((d) => d.name === "Deal 5")).toBe(true);
    expect((await findContacts(other.rep, contactListParams.parse({ q: "firm 03" }))).rows).toEqual([]);
  });

  it("pages contacts by title (with empty titles) and by account name", async () => {
    const all = await db().contact.findMany({ where: { organizationId: tenant.org.id }, include: { account: true } });
    const list: Lister = (p) => findContacts(tenant.rep, contactListParams.parse(p));
    checkPages(
      (await walk(list, { sort: "title", dir: "desc" })).forward,
      expected(all, (c) => c.title, "desc"),
    );
    const byAccount = await walk(list, { sort: "account", dir: "asc" });
    checkPages(
      byAccount.forward,
      expected(all, (c) => c.account.name, "asc"),
    );
    checkPages(
      byAccount.backward,
      expected(all, (c) => c.account.name, "asc"),
    );
  });

  it("pages opportunities by amount and by close date with filters applied", async () => {
    const all = await db().opportunity.findMany({ where: { organizationId: tenant.org.id } });
    const list: Lister = (p) => findOpportunities(tenant.rep, opportunityListParams.parse(p));
    checkPages(
      (await walk(list, { sort: "amount", dir: "desc" })).forward,
      expected(all, (o) => Number(o.amount), "desc"),
    );
    const dated = await walk(list, { sort: "expectedCloseDate", dir: "asc", stage: "discovery", owner: "me" });
    const mine = all.filter((o) => o.stage === "discovery" && o.ownerId === tenant.rep.id);
    checkPages(
      dated.forward,
      expected(mine, (o) => o.expectedCloseDate?.getTime() ?? null, "asc"),
    );
    checkPages(
      dated.backward,
      expected(mine, (o) => o.expectedCloseDate?.getTime() ?? null, "asc"),
    );
  });
});
