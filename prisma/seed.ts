// npm run db:seed — demo data. Idempotent: fixed ids and skip-duplicates, so running it twice adds nothing.
import type { PrismaClient } from "../lib/server/generated/prisma/client";
import { seedFoundation } from "./seed/foundation";
import { seedLeads } from "./seed/leads";
import { seedQualification } from "./seed/qualification";
import { createRandom } from "./seed/random";

export async function seedDemo(prisma: PrismaClient, { now }: { now: Date }): Promise<string> {
  const random = createRandom(20261122);
  const counts = await seedFoundation(prisma, random, now);
  const qualified = await seedQualification(prisma, random, now, "seed_org_lumen");
  const leads = await seedLeads(prisma, now, "seed_org_lumen");
  return `${counts.accounts} accounts, ${counts.contacts} contacts, ${counts.opportunities} opportunities, ${counts.notes} notes; qualification history for ${qualified} deals; ${leads} leads`;
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
