import bcrypt from "bcryptjs";
import type { PrismaClient } from "../../lib/server/generated/prisma/client";
import { createOrganization } from "../../lib/server/organizations/create-organization";
import {
  DEAL_KINDS,
  DEMO_ACCOUNTS,
  DEMO_ORGS,
  DEMO_PASSWORD,
  DEMO_USERS,
  FIRST_NAMES,
  HIRING,
  LAST_NAMES,
  NOTE_SNIPPETS,
  TECH,
  TITLES,
} from "./catalog";
import { dateOnly, daysFrom, type Random } from "./random";

/** Stage spread of the 60 demo deals, earliest first; closed ones at the end. */
const STAGE_SPREAD = [
  ["prospecting", 12],
  ["discovery", 14],
  ["solution", 10],
  ["proposal", 8],
  ["negotiation", 6],
  ["closed_won", 6],
  ["closed_lost", 4],
] as const;

/** The id of a demo organization's first pipeline. */
export const defaultPipelineOf = (organizationId: string) => organizationId.replace("seed_org_", "seed_pipeline_");

export interface SeededFoundation {
  accounts: number;
  contacts: number;
  opportunities: number;
  notes: number;
}

export async function seedFoundation(prisma: PrismaClient, random: Random, now: Date): Promise<SeededFoundation> {
  const passwordHash = await bcrypt.hash(DEMO_PASSWORD, 10);
  // Each organization is created as a self-hoster's would be: its first pipeline, stages and admin with it.
  const firstAdmins = new Set<string>();
  for (const org of DEMO_ORGS) {
    const admin = DEMO_USERS.find((u) => u.org === org.id && u.role === "admin");
    if (!admin) throw new Error(`The demo catalog has no admin for ${org.id}`);
    firstAdmins.add(admin.id);
    if (await prisma.organization.findUnique({ where: { id: org.id }, select: { id: true } })) continue;
    await createOrganization(prisma, {
      name: org.name,
      slug: org.slug,
      admin,
      password: { hash: passwordHash },
      ids: { organization: org.id, pipeline: defaultPipelineOf(org.id), admin: admin.id },
    });
  }
  await prisma.user.createMany({
    data: DEMO_USERS.filter((u) => !firstAdmins.has(u.id)).map((u) => ({
      id: u.id,
      organizationId: u.org,
      email: u.email,
      name: u.name,
      role: u.role,
      passwordHash,
    })),
    skipDuplicates: true,
  });

  const lumen = "seed_org_lumen";
  const reps: string[] = ["seed_user_rep", "seed_user_rep2"];
  const accounts = DEMO_ACCOUNTS.map(([name, domain, industry, employeeCount, country, region, fundingStage], i) => ({
    id: `seed_acc_${String(i + 1).padStart(2, "0")}`,
    organizationId: lumen,
    ownerId: reps[i % 2] ?? "seed_user_rep",
    name,
    domain,
    industry,
    employeeCount,
    country,
    region,
    fundingStage,
    techStack: random.sample(TECH, random.int(2, 5)),
    hiringSignals: random.sample(HIRING, random.int(0, 2)),
  }));
  // The other tenant gets a few records of its own, which Lumen's users must never see.
  accounts.push({
    id: "seed_acc_nw_01",
    organizationId: "seed_org_northwind",
    ownerId: "seed_user_nw_rep",
    name: "Contoso Wholesale",
    domain: "contoso-wholesale.com",
    industry: "Retail",
    employeeCount: 800,
    country: "United States",
    region: "North America",
    fundingStage: "Growth",
    techStack: ["SAP"],
    hiringSignals: [],
  });
  await prisma.account.createMany({ data: accounts, skipDuplicates: true });

  const contacts = accounts.flatMap((account) =>
    Array.from({ length: random.int(2, 4) }, (_, j) => {
      const first = random.pick(FIRST_NAMES);
      const last = random.pick(LAST_NAMES);
      return {
        id: `${account.id.replace("acc", "con")}_${j + 1}`,
        organizationId: account.organizationId,
        accountId: account.id,
        name: `${first} ${last}`,
        title: TITLES[(j * 3 + account.name.length) % TITLES.length] ?? null,
        email: `${first.toLowerCase()}.${last.toLowerCase().replace(/[^a-z]/g, "")}@${account.domain}`,
        phone: `+1 415 555 ${String(1000 + random.int(0, 8999))}`,
      };
    }),
  );
  await prisma.contact.createMany({ data: contacts, skipDuplicates: true });

  const lumenAccounts = accounts.filter((a) => a.organizationId === lumen);
  const stages = STAGE_SPREAD.flatMap(([stage, count]) => Array<string>(count).fill(stage));
  const opportunities = stages.map((stage, i) => {
    const account = lumenAccounts[i % lumenAccounts.length] ?? lumenAccounts[0]!;
    const closed = stage.startsWith("closed");
    const createdAt = daysFrom(now, -random.int(20, 160));
    return {
      id: `seed_opp_${String(i + 1).padStart(2, "0")}`,
      organizationId: lumen,
      pipelineId: defaultPipelineOf(lumen),
      accountId: account.id,
      ownerId: i % 3 === 2 ? "seed_user_rep2" : "seed_user_rep",
      name: `${account.name} — ${random.pick(DEAL_KINDS)}`,
      amount: random.int(8, 240) * 1000,
      currency: "USD",
      stage,
      status: stage === "closed_won" ? ("won" as const) : stage === "closed_lost" ? ("lost" as const) : ("open" as const),
      expectedCloseDate: dateOnly(daysFrom(now, closed ? -random.int(5, 60) : random.int(-20, 150))),
      repConfidence: random.int(2, 9) * 10,
      createdAt,
      lastActivityAt: daysFrom(now, -random.int(0, 50)),
    };
  });
  opportunities.push({
    id: "seed_opp_nw_01",
    organizationId: "seed_org_northwind",
    pipelineId: defaultPipelineOf("seed_org_northwind"),
    accountId: "seed_acc_nw_01",
    ownerId: "seed_user_nw_rep",
    name: "Contoso Wholesale — Inventory analytics",
    amount: 90_000,
    currency: "USD",
    stage: "discovery",
    status: "open",
    expectedCloseDate: dateOnly(daysFrom(now, 60)),
    repConfidence: 50,
    createdAt: daysFrom(now, -30),
    lastActivityAt: daysFrom(now, -3),
  });
  await prisma.opportunity.createMany({ data: opportunities, skipDuplicates: true });

  const notes = opportunities.flatMap((opp) =>
    Array.from({ length: opp.organizationId === lumen ? random.int(1, 3) : 1 }, (_, j) => ({
      id: `${opp.id.replace("opp", "note")}_${j + 1}`,
      organizationId: opp.organizationId,
      authorId: opp.ownerId,
      opportunityId: opp.id,
      accountId: opp.accountId,
      body: random.pick(NOTE_SNIPPETS),
      createdAt: daysFrom(opp.lastActivityAt, -j * random.int(3, 12)),
    })),
  );
  await prisma.note.createMany({ data: notes, skipDuplicates: true });

  return { accounts: accounts.length, contacts: contacts.length, opportunities: opportunities.length, notes: notes.length };
}
