// Run before the app starts: migrate, and seed the demo data into an empty database.
import { seedDemo } from "../prisma/seed";
import { logMigrations, openMigrated } from "./lib/database";

const opened = await openMigrated();
logMigrations(opened);
try {
  if ((await opened.prisma.organization.count()) === 0) {
    console.log("[db] empty database: seeding demo data…");
    const summary = await seedDemo(opened.prisma, { now: new Date() });
    console.log(`[db] seeded ${summary}`);
  }
} finally {
  await opened.close();
}
