// npm run db:migrate — applies pending migrations to DATABASE_URL, or to the embedded database.
import { logMigrations, openMigrated } from "./lib/database";

const opened = await openMigrated();
logMigrations(opened);
await opened.close();
