/**
 * Generates the scale benchmark's data set on a PostgreSQL server: one organization with `deals` open deals (one
 * account each), deals/10 closed ones, 10 notes per open deal, ~2.9 evidence rows, ~1.3 committee members and
 * ~3.5 score snapshots per deal. Deterministic (a seeded generator, fixed ids) and fast: every table is written
 * with multi-row INSERTs whose columns travel as arrays (`unnest`), a few thousand rows per statement.
 */
import bcrypt from "bcryptjs";
import type pg from "pg";
import { createRandom } from "../../../prisma/seed/random";

export const BENCH_ORG = "bench_org";
export const BENCH_PASSWORD = "bench-password-1";
export const MANAGER_EMAIL = "manager@bench.example";
const REPS = 20;
const CHUNK = 5000;
const DAY = 86_400_000;

const OPEN_STAGES = ["prospecting", "discovery", "solution", "proposal", "negotiation"];
const CRITERIA = ["metrics", "economic_buyer", "decision_criteria", "decision_process", "paper_process", "identify_pain", "champion", "competition"];
const INDUSTRIES = ["SaaS", "Fintech", "Healthcare", "Logistics", "Retail", "Manufacturing", "Media"];
const REGIONS = ["North America", "EMEA", "APAC", "LATAM"];
const ROLES = ["champion", "economic_buyer", "influencer", "decision_maker"];

type Column = { name: string; type: string; values: unknown[] };

/** INSERT … SELECT * FROM unnest($1::type[], …): one parameter per column, whatever the row count. */
async function insert(client: pg.Client, table: string, columns: Column[]): Promise<void> {
  const rows = columns[0]?.values.length ?? 0;
  for (let start = 0; start < rows; start += CHUNK) {
    const names = columns.map((c) => `"${c.name}"`).join(", ");
    const params = columns.map((c, i) => `$${i + 1}::${c.type}[]`).join(", ");
    await client.query(
      `INSERT INTO "${table}" (${names}) SELECT * FROM unnest(${params})`,
      columns.map((c) => c.values.slice(start, start + CHUNK)),
    );
  }
}

const col = (name: string, type: string, values: unknown[]): Column => ({ name, type, values });

export async function generate(client: pg.Client, deals: number, now: Date): Promise<Record<string, number>> {
  const random = createRandom(20261202 + deals);
  const at = (daysAgo: number) => new Date(now.getTime() - daysAgo * DAY);
  const hash = await bcrypt.hash(BENCH_PASSWORD, 8);

  await client.query(`INSERT INTO "Organization" (id, name, slug) VALUES ($1, 'Bench Co', 'bench')`, [BENCH_ORG]);
  await client.query(`INSERT INTO "Pipeline" (id, "organizationId", name, position) VALUES ('bench_pipeline', $1, 'New business', 0)`, [BENCH_ORG]);
  const users = [{ id: "bench_manager", email: MANAGER_EMAIL, name: "Bench Manager", role: "manager" }];
  for (let r = 0; r < REPS; r++) users.push({ id: `bench_rep_${r}`, email: `rep${r}@bench.example`, name: `Rep ${r}`, role: "rep" });
  await insert(client, "User", [
    col(
      "id",
      "text",
      users.map((u) => u.id),
    ),
    col(
      "organizationId",
      "text",
      users.map(() => BENCH_ORG),
    ),
    col(
      "email",
      "text",
      users.map((u) => u.email),
    ),
    col(
      "name",
      "text",
      users.map((u) => u.name),
    ),
    col(
      "passwordHash",
      "text",
      users.map(() => hash),
    ),
    col(
      "role",
      '"Role"',
      users.map((u) => u.role),
    ),
  ]);
  await client.query(
    `INSERT INTO "IcpVersion" (id, "organizationId", version, rules, "pursueThreshold", "disqualifyBelow") VALUES ('bench_icp_1', $1, 1, $2, 60, 25)`,
    [
      BENCH_ORG,
      JSON.stringify([
        { id: "industry", label: "Data-heavy industry", kind: "industry_in", industries: INDUSTRIES.slice(0, 5), weight: 30, knockout: false },
        { id: "size", label: "200–20,000 employees", kind: "employee_range", min: 200, max: 20_000, weight: 30, knockout: false },
        { id: "region", label: "NA or EMEA", kind: "region_in", regions: ["North America", "EMEA"], weight: 20, knockout: false },
        { id: "min_size", label: "At least 20 employees", kind: "employee_range", min: 20, weight: 20, knockout: true },
      ]),
    ],
  );

  const closed = Math.round(deals / 10);
  const total = deals + closed;
  const accountIds = Array.from({ length: deals }, (_, i) => `b_acc_${i}`);
  const owner = (i: number) => users[1 + (i % REPS)]!.id;
  await insert(client, "Account", [
    col("id", "text", accountIds),
    col(
      "organizationId",
      "text",
      accountIds.map(() => BENCH_ORG),
    ),
    col(
      "ownerId",
      "text",
      accountIds.map((_, i) => owner(i)),
    ),
    col(
      "name",
      "text",
      accountIds.map((_, i) => `Account ${i} ${random.pick(["Labs", "Group", "Systems", "Health", "Logistics"])}`),
    ),
    col(
      "industry",
      "text",
      accountIds.map(() => random.pick(INDUSTRIES)),
    ),
    col(
      "employeeCount",
      "int",
      accountIds.map(() => random.int(5, 30_000)),
    ),
    col(
      "region",
      "text",
      accountIds.map(() => random.pick(REGIONS)),
    ),
    col(
      "updatedAt",
      "timestamp",
      accountIds.map(() => now),
    ),
  ]);

  const dealIds = Array.from({ length: total }, (_, i) => `b_opp_${i}`);
  const stageOf = (i: number) => (i < deals ? OPEN_STAGES[i % OPEN_STAGES.length]! : i % 3 === 0 ? "closed_won" : "closed_lost");
  await insert(client, "Opportunity", [
    col("id", "text", dealIds),
    col(
      "organizationId",
      "text",
      dealIds.map(() => BENCH_ORG),
    ),
    col(
      "pipelineId",
      "text",
      dealIds.map(() => "bench_pipeline"),
    ),
    col(
      "accountId",
      "text",
      dealIds.map((_, i) => accountIds[i % deals]),
    ),
    col(
      "ownerId",
      "text",
      dealIds.map((_, i) => owner(i)),
    ),
    col(
      "name",
      "text",
      dealIds.map((_, i) => `Deal ${i}`),
    ),
    col(
      "amount",
      "numeric",
      dealIds.map(() => random.int(5, 400) * 1000),
    ),
    col(
      "stage",
      "text",
      dealIds.map((_, i) => stageOf(i)),
    ),
    col(
      "status",
      '"OpportunityStatus"',
      dealIds.map((_, i) => (i < deals ? "open" : stageOf(i) === "closed_won" ? "won" : "lost")),
    ),
    col(
      "expectedCloseDate",
      "date",
      dealIds.map(() => at(-random.int(-30, 120))),
    ),
    col(
      "lastActivityAt",
      "timestamp",
      dealIds.map(() => at(random.int(0, 60))),
    ),
    col(
      "createdAt",
      "timestamp",
      dealIds.map(() => at(random.int(60, 400))),
    ),
    col(
      "updatedAt",
      "timestamp",
      dealIds.map(() => at(random.int(0, 60))),
    ),
  ]);

  // Committee: ~1.3 contacts per open deal, each on the deal in one role.
  const contacts: Array<{ id: string; accountId: string; dealId: string; role: string }> = [];
  for (let i = 0; i < deals; i++) {
    const count = random.next() < 0.3 ? 2 : 1;
    for (let k = 0; k < count; k++)
      contacts.push({ id: `b_con_${i}_${k}`, accountId: accountIds[i]!, dealId: dealIds[i]!, role: ROLES[k % ROLES.length]! });
  }
  await insert(client, "Contact", [
    col(
      "id",
      "text",
      contacts.map((c) => c.id),
    ),
    col(
      "organizationId",
      "text",
      contacts.map(() => BENCH_ORG),
    ),
    col(
      "accountId",
      "text",
      contacts.map((c) => c.accountId),
    ),
    col(
      "name",
      "text",
      contacts.map((c) => `Person ${c.id}`),
    ),
    col(
      "updatedAt",
      "timestamp",
      contacts.map(() => now),
    ),
  ]);
  await insert(client, "Stakeholder", [
    col(
      "id",
      "text",
      contacts.map((c) => `b_sh_${c.id}`),
    ),
    col(
      "organizationId",
      "text",
      contacts.map(() => BENCH_ORG),
    ),
    col(
      "opportunityId",
      "text",
      contacts.map((c) => c.dealId),
    ),
    col(
      "contactId",
      "text",
      contacts.map((c) => c.id),
    ),
    col(
      "role",
      '"StakeholderRole"',
      contacts.map((c) => c.role),
    ),
    col(
      "lastEngagedAt",
      "timestamp",
      contacts.map(() => at(random.int(0, 40))),
    ),
    col(
      "addedById",
      "text",
      contacts.map(() => "bench_manager"),
    ),
  ]);

  // Notes (10 per open deal), evidence (~2.9 per deal) with its criterion state, snapshots (~3.5 per deal).
  const notes = { id: [] as string[], opp: [] as string[], author: [] as string[], at: [] as Date[] };
  for (let i = 0; i < deals; i++)
    for (let k = 0; k < 10; k++) {
      notes.id.push(`b_note_${i}_${k}`);
      notes.opp.push(dealIds[i]!);
      notes.author.push(owner(i));
      notes.at.push(at(random.int(0, 200)));
    }
  await insert(client, "Note", [
    col("id", "text", notes.id),
    col(
      "organizationId",
      "text",
      notes.id.map(() => BENCH_ORG),
    ),
    col("authorId", "text", notes.author),
    col("opportunityId", "text", notes.opp),
    col(
      "body",
      "text",
      notes.id.map((id) => `Call notes ${id}: discussed scope, timing and the people involved.`),
    ),
    col("createdAt", "timestamp", notes.at),
  ]);
  const ev = { id: [] as string[], opp: [] as string[], crit: [] as string[], state: [] as string[], at: [] as Date[], owner: [] as string[] };
  for (let i = 0; i < total; i++) {
    const count = random.int(2, 4) - (random.next() < 0.05 ? 1 : 0);
    const chosen = random.sample(CRITERIA, count);
    for (const c of chosen) {
      ev.id.push(`b_ev_${i}_${c}`);
      ev.opp.push(dealIds[i]!);
      ev.crit.push(c);
      ev.owner.push(owner(i));
      ev.state.push(random.next() < 0.1 ? "negative" : random.next() < 0.5 ? "verified" : "claimed");
      ev.at.push(at(random.int(0, 150)));
    }
  }
  await insert(client, "Evidence", [
    col("id", "text", ev.id),
    col(
      "organizationId",
      "text",
      ev.id.map(() => BENCH_ORG),
    ),
    col("opportunityId", "text", ev.opp),
    col("criterionId", "text", ev.crit),
    col("state", '"EvidenceState"', ev.state),
    col(
      "excerpt",
      "text",
      ev.id.map(() => "They said so on the call"),
    ),
    col("capturedAt", "timestamp", ev.at),
    col("capturedById", "text", ev.owner),
    col(
      "verifiedById",
      "text",
      ev.state.map((s, i) => (s === "verified" ? ev.owner[i] : null)),
    ),
    col(
      "verifiedAt",
      "timestamp",
      ev.state.map((s, i) => (s === "verified" ? ev.at[i] : null)),
    ),
  ]);
  await insert(client, "CriterionState", [
    col(
      "id",
      "text",
      ev.id.map((id) => `${id}_s`),
    ),
    col(
      "organizationId",
      "text",
      ev.id.map(() => BENCH_ORG),
    ),
    col("opportunityId", "text", ev.opp),
    col("criterionId", "text", ev.crit),
    col("state", '"EvidenceState"', ev.state),
    col("updatedById", "text", ev.owner),
    col("updatedAt", "timestamp", ev.at),
  ]);
  const snaps = { id: [] as string[], opp: [] as string[], stage: [] as string[], intent: [] as number[], at: [] as Date[] };
  for (let i = 0; i < total; i++) {
    const count = random.int(3, 4);
    for (let k = 0; k < count; k++) {
      snaps.id.push(`b_snap_${i}_${k}`);
      snaps.opp.push(dealIds[i]!);
      snaps.stage.push(stageOf(i));
      snaps.intent.push(random.int(0, 100));
      snaps.at.push(at(200 - k * 40));
    }
  }
  await insert(client, "ScoreSnapshot", [
    col("id", "text", snaps.id),
    col(
      "organizationId",
      "text",
      snaps.id.map(() => BENCH_ORG),
    ),
    col("opportunityId", "text", snaps.opp),
    col("stage", "text", snaps.stage),
    col(
      "fit",
      "int",
      snaps.id.map(() => random.int(0, 100)),
    ),
    col("intent", "int", snaps.intent),
    col(
      "verdict",
      "text",
      snaps.id.map(() => "pursue"),
    ),
    col(
      "trigger",
      "text",
      snaps.id.map(() => "bench"),
    ),
    col("at", "timestamp", snaps.at),
  ]);
  await client.query("ANALYZE");
  return {
    accounts: deals,
    open: deals,
    closed,
    notes: notes.id.length,
    evidence: ev.id.length,
    stakeholders: contacts.length,
    snapshots: snaps.id.length,
  };
}
