// npm run db:seed — demo data. Idempotent: fixed ids and skip-duplicates, so running it twice adds nothing.
import type { PrismaClient } from "../lib/server/generated/prisma/client";
import { rescoreOrganization } from "../lib/server/qualification/rescore-organization";
import { seedFoundation } from "./seed/foundation";
import { seedNineClickDeal } from "./seed/nine-click";
import { seedClosedHistory } from "./seed/history";
import { seedLeads } from "./seed/leads";
import { seedQualification } from "./seed/qualification";
import { createRandom } from "./seed/random";

export async function seedDemo(prisma: PrismaClient, { now }: { now: Date }): Promise<string> {
  const random = createRandom(20261122);
  const counts = await seedFoundation(prisma, random, now);
  const qualified = await seedQualification(prisma, random, now, "seed_org_lumen");
  await seedNineClickDeal(prisma, now);
  const history = await seedClosedHistory(prisma, now, "seed_org_lumen");
  // Every account and deal gets its stored assessment, as the app's own writes would have left them.
  for (const { id } of await prisma.organization.findMany({ select: { id: true }, orderBy: { id: "asc" } }))
    await rescoreOrganization(prisma, id, "seed", undefined, "all");
  const leads = await seedLeads(prisma, now, "seed_org_lumen");
  return `${counts.accounts} accounts, ${counts.contacts} contacts, ${counts.opportunities} opportunities, ${counts.notes} notes; qualification history for ${qualified} deals; ${history} closed deals of history; ${leads} leads`;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { openMigrated, logMigrations } = await import("../scripts/lib/database");
  const opened = await openMigrated();
  logMigrations(opened);
  try {
    console.log(`[seed] ${await seedDemo(opened.prisma, { now: new Date() })}`);
  } finally {
    await opened.close();
  }
}
