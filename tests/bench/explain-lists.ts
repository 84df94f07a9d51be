// Prints the plan PostgreSQL chooses for each list query as Prisma sends it, to check the list indexes are used.
// Usage: DATABASE_URL=postgresql://… npx tsx tests/bench/explain-lists.ts <organizationId> <userId>
// (run it on a database with a few thousand rows per organization, after ANALYZE).
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaClient } from "../../lib/server/generated/prisma/client";
import { keysetPage, column } from "../../lib/server/pagination";

const url = process.env.DATABASE_URL;
const [organizationId = "org1"] = process.argv.slice(2);
if (!url) throw new Error("DATABASE_URL is required");

const captured: Array<{ query: string; params: string }> = [];
const prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: url }), log: [{ emit: "event", level: "query" }] });
prisma.$on("query", (e) => captured.push({ query: e.query, params: e.params }));
const pool = new pg.Pool({ connectionString: url });

async function explain(title: string, run: () => Promise<unknown>) {
  captured.length = 0;
  await run();
  for (const { query, params } of captured) {
    if (!/^SELECT/i.test(query)) continue;
    const values = JSON.parse(params) as unknown[];
    const plan = await pool.query(`EXPLAIN (ANALYZE, BUFFERS OFF, COSTS OFF, SUMMARY ON) ${query}`, values);
    console.log(`\n## ${title}\n${plan.rows.map((r: Record<string, string>) => r["QUERY PLAN"]).join("\n")}`);
  }
}

const org = { organizationId };
const page = (sort: string, col: ReturnType<typeof column<{ id: string } & Record<string, unknown>>>, where: object, after?: string) =>
  keysetPage({
    sort,
    dir: "asc",
    column: col,
    after,
    take: 20,
    read: (seg, take) => prisma.account.findMany({ where: { AND: [where, seg.where] }, orderBy: seg.orderBy, take }) as never,
  });

await explain("accounts by name, first page", () => page("name", column("name", "string"), org));
const first = await page("employeeCount", column("employeeCount", "number", true), org);
await explain("accounts by employeeCount, a later page", () =>
  page("employeeCount", column("employeeCount", "number", true), org, first.next ?? undefined),
);
await explain("accounts search 'a3f'", () =>
  prisma.account.findMany({
    where: { ...org, OR: [{ name: { contains: "a3f", mode: "insensitive" } }, { domain: { contains: "a3f", mode: "insensitive" } }] },
    orderBy: [{ name: "asc" }, { id: "asc" }],
    take: 21,
  }),
);
await explain("accounts bounded count", () => prisma.account.count({ where: org, take: 1001 }));
await explain("opportunities default (open, updatedAt desc)", () =>
  prisma.opportunity.findMany({ where: { ...org, status: "open" }, orderBy: [{ updatedAt: "desc" }, { id: "desc" }], take: 21 }),
);
await explain("opportunities by amount desc", () =>
  prisma.opportunity.findMany({ where: { ...org, status: "open" }, orderBy: [{ amount: "desc" }, { id: "desc" }], take: 21 }),
);
await explain("opportunities search 'e4d'", () =>
  prisma.opportunity.findMany({
    where: { ...org, OR: [{ name: { contains: "e4d", mode: "insensitive" } }, { account: { name: { contains: "e4d", mode: "insensitive" } } }] },
    orderBy: [{ updatedAt: "desc" }, { id: "desc" }],
    take: 21,
  }),
);
await explain("deal counts for one page of accounts", () =>
  prisma.opportunity.groupBy({ by: ["accountId"], where: { ...org, accountId: { in: ["a3", "a6", "a9", "a12"] } }, _count: { _all: true } }),
);
await explain("contacts by title", () =>
  prisma.contact.findMany({ where: { ...org, title: { not: null } }, orderBy: [{ title: "asc" }, { id: "asc" }], take: 21 }),
);
await prisma.$disconnect();
await pool.end();
