import bcrypt from "bcryptjs";
import { beforeAll, describe, expect, it } from "vitest";
import { changeRoleAction } from "../../lib/actions/users/change-role";
import { createUserAction } from "../../lib/actions/users/create-user";
import { db } from "../../lib/server/db";
import { listUsers } from "../../lib/server/users/users";
import { auditRows, createTenant, type Tenant } from "../fixtures/tenants";
import { actAs } from "./setup";

let acme: Tenant;
let globex: Tenant;

beforeAll(async () => {
  [acme, globex] = await Promise.all([createTenant("Acme"), createTenant("Globex")]);
});

const newUser = (email: string) => ({ name: "Jo New", email, role: "rep" as const, password: "correct horse battery" });

describe("managing users", () => {
  it("lets an admin add a user to their organization with a hashed password, audited without the hash", async () => {
    actAs(acme.admin);
    const result = await createUserAction(newUser(`Jo.${acme.org.slug}@Example.com`));
    const created = await db().user.findUniqueOrThrow({ where: { id: result?.data?.id ?? "" } });
    expect(created).toMatchObject({ organizationId: acme.org.id, email: `jo.${acme.org.slug}@example.com`, role: "rep" });
    expect(await bcrypt.compare("correct horse battery", created.passwordHash)).toBe(true);
    const [audit] = await auditRows(created.id);
    expect(JSON.stringify(audit?.after)).not.toContain("passwordHash");
    expect((await listUsers(acme.admin)).rows.map((u) => u.id)).toContain(created.id);
  });

  it("refuses everyone but admins, weak passwords and taken emails", async () => {
    for (const who of [acme.rep, acme.manager, acme.marketing]) {
      actAs(who);
      expect((await createUserAction(newUser(`x-${who.id}@example.com`)))?.serverError?.code).toBe("FORBIDDEN");
    }
    actAs(acme.admin);
    expect((await createUserAction({ ...newUser("short@example.com"), password: "short" }))?.validationErrors?.fieldErrors.password).toEqual([
      "Use at least 10 characters.",
    ]);
    const taken = await createUserAction(newUser(globex.rep.email));
    // Taken in another organization: refused without saying so (or where).
    expect(taken?.serverError?.details).toMatchObject({
      fieldErrors: { email: ["This email address cannot be used. Ask the person for another address."] },
    });
    expect(JSON.stringify(taken)).not.toMatch(/already|Globex|organization/i);
  });

  it("changes roles within the organization only, and never lets an admin demote themselves", async () => {
    actAs(acme.admin);
    expect((await changeRoleAction({ userId: acme.otherRep.id, role: "manager" }))?.data?.role).toBe("manager");
    expect((await changeRoleAction({ userId: globex.rep.id, role: "admin" }))?.serverError?.code).toBe("NOT_FOUND");
    expect((await changeRoleAction({ userId: acme.admin.id, role: "rep" }))?.serverError?.message).toMatch(/own admin role/);
    actAs(acme.manager);
    expect((await changeRoleAction({ userId: acme.rep.id, role: "admin" }))?.serverError?.code).toBe("FORBIDDEN");
    expect((await db().user.findUniqueOrThrow({ where: { id: globex.rep.id } })).role).toBe("rep");
    expect((await db().user.findUniqueOrThrow({ where: { id: acme.rep.id } })).role).toBe("rep");
    expect((await auditRows(acme.otherRep.id)).map((a) => a.action)).toEqual(["change_role"]);
  });
});
