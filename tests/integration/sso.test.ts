import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { resetEnvForTests } from "../../lib/env";
import { db } from "../../lib/server/db";
import { oidcProviders, parseDomainMap, provisionSsoUser } from "../../lib/server/sso";
import { createTenant, type Tenant } from "../fixtures/tenants";

let t: Tenant;
const domain = `sso-${Date.now()}.example`;

beforeAll(async () => {
  t = await createTenant("Sso");
  Object.assign(process.env, { OIDC_DOMAINS: `${domain}=${t.org.slug}`, OIDC_DEFAULT_ROLE: "rep" });
  resetEnvForTests();
});
afterAll(() => {
  delete process.env.OIDC_DOMAINS;
  delete process.env.OIDC_DEFAULT_ROLE;
  resetEnvForTests();
});

describe("single sign-on with just-in-time users", () => {
  it("is off unless issuer, client id and secret are all configured", () => {
    expect(oidcProviders()).toEqual([]);
    expect(parseDomainMap(" Acme.com = acme , bad, x=y ")).toEqual(
      new Map([
        ["acme.com", "acme"],
        ["x", "y"],
      ]),
    );
  });

  it("creates a first-time user in the organization their email domain maps to, with the default role, once", async () => {
    const email = `New.Person@${domain}`;
    const [first, again] = await Promise.all([provisionSsoUser(email, "New Person"), provisionSsoUser(email, "New Person")]);
    expect(first).toBeTruthy();
    expect(again).toBe(first);
    const user = await db().user.findUniqueOrThrow({ where: { id: first ?? "" } });
    expect(user).toMatchObject({ organizationId: t.org.id, email: email.toLowerCase(), role: "rep", name: "New Person" });
    expect(user.passwordHash).toMatch(/^sso-only:/);
    expect(await db().auditEvent.count({ where: { entityId: user.id, action: "sso_provision" } })).toBe(1);
  });

  it("signs in existing users by email, and refuses unknown domains and deactivated users", async () => {
    expect(await provisionSsoUser(t.manager.email)).toBe(t.manager.id);
    expect(await provisionSsoUser(`someone@unmapped-${Date.now()}.example`)).toBeNull();
    expect(await provisionSsoUser(null)).toBeNull();
    await db().user.update({ where: { id: t.marketing.id }, data: { deactivatedAt: new Date() } });
    expect(await provisionSsoUser(t.marketing.email)).toBeNull();
  });
});
