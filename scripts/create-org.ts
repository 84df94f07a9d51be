// npm run org:create -- --name "Acme" --slug acme --admin-email ada@acme.com --admin-name "Ada Lovelace"
// Creates an organization with its first pipeline (MEDDPICC's stages and gates) and its first admin. The admin's
// password comes from WINNOW_ADMIN_PASSWORD (or --admin-password); without one, a one-time link to set it is printed.
import { parseArgs } from "node:util";
import { AppError } from "../lib/server/errors";
import { createOrganization, FIRST_PIPELINE } from "../lib/server/organizations/create-organization";
import { createOrganizationSchema } from "../lib/validation/organization";
import { logMigrations, openMigrated } from "./lib/database";

const USAGE =
  'usage: npm run org:create -- --name "Acme" --slug acme --admin-email ada@acme.com --admin-name "Ada Lovelace" [--admin-password …]\n' +
  "       (or WINNOW_ADMIN_PASSWORD=… in the environment; with neither, a one-time link to set the password is printed)";

function fail(message: string): never {
  console.error(`[org:create] ${message}\n${USAGE}`);
  process.exit(1);
}

let values: Record<string, string | undefined>;
try {
  ({ values } = parseArgs({
    options: {
      name: { type: "string" },
      slug: { type: "string" },
      "admin-email": { type: "string" },
      "admin-name": { type: "string" },
      "admin-password": { type: "string" },
    },
    strict: true,
  }));
} catch (error) {
  fail((error as Error).message);
}

const parsed = createOrganizationSchema.safeParse({
  name: values.name,
  slug: values.slug,
  adminEmail: values["admin-email"],
  adminName: values["admin-name"],
  adminPassword: values["admin-password"] ?? (process.env.WINNOW_ADMIN_PASSWORD || undefined),
});
if (!parsed.success)
  fail(parsed.error.issues.map((i) => `--${String(i.path[0]).replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}: ${i.message}`).join("\n"));
const input = parsed.data;

const opened = await openMigrated();
logMigrations(opened);
try {
  const created = await createOrganization(opened.prisma, {
    name: input.name,
    slug: input.slug,
    admin: { name: input.adminName, email: input.adminEmail },
    password: input.adminPassword ? { plain: input.adminPassword } : null,
  });
  console.log(`[org:create] created "${created.organization.name}" (${created.organization.slug}) with the pipeline "${FIRST_PIPELINE.name}"`);
  console.log(`[org:create] admin: ${created.admin.email}`);
  if (created.resetLink) console.log(`[org:create] set the admin's password within 24 hours at:\n  ${created.resetLink}`);
  else console.log("[org:create] the admin can sign in with the password given");
} catch (error) {
  if (error instanceof AppError) {
    console.error(`[org:create] ${error.message}`);
    process.exitCode = 1;
  } else throw error;
} finally {
  await opened.close();
}
