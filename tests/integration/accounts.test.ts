import { beforeAll, describe, expect, it } from "vitest";
import { createAccountAction } from "../../lib/actions/accounts/create-account";
import { updateAccountAction } from "../../lib/actions/accounts/update-account";
import { accountListParams, findAccounts, getAccount, listIndustries } from "../../lib/server/accounts/queries";
import { db } from "../../lib/server/db";
import { auditRows, createAccountFor, createTenant, type Tenant } from "../fixtures/tenants";
import { actAs } from "./setup";

let acme: Tenant;
let globex: Tenant;

beforeAll(async () => {
  [acme, globex] = await Promise.all([createTenant("Acme"), createTenant("Globex")]);
});

const valid = {
  name: "Quantia",
  domain: "https://Quantia.io/about",
  industry: "SaaS",
  employeeCount: "240",
  region: "EMEA",
  techStack: "Snowflake, dbt, snowflake",
  hiringSignals: "",
};

describe("create account", () => {
  it("creates the account in the caller's organization, normalised, with an audit row", async () => {
    actAs(acme.rep);
    const result = await createAccountAction(valid);
    expect(result?.serverError).toBeUndefined();
    const account = await db().account.findUniqueOrThrow({ where: { id: result.data!.id } });
    expect(account).toMatchObject({
      organizationId: acme.org.id,
      ownerId: acme.rep.id,
      domain: "quantia.io",
      employeeCount: 240,
      techStack: ["Snowflake", "dbt"],
    });
    const audit = await auditRows(account.id);
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: "create", actorId: acme.rep.id, organizationId: acme.org.id });
  });

  it("returns field errors for bad input and writes nothing", async () => {
    actAs(acme.rep);
    const before = await db().account.count({ where: { organizationId: acme.org.id } });
    const result = await createAccountAction({ ...valid, name: "  ", domain: "not a domain", employeeCount: "-5", region: "Mars" });
    expect(result?.validationErrors?.fieldErrors).toMatchObject({
      name: ["Name is required."],
      domain: ["Enter a domain like example.com."],
      employeeCount: ["Employee count must be at least 1."],
      region: ["Choose a region from the list."],
    });
    expect(await db().account.count({ where: { organizationId: acme.org.id } })).toBe(before);
  });

  it("reports a duplicate domain on the domain field", async () => {
    actAs(acme.rep);
    await createAccountAction({ ...valid, domain: "dupe.example" });
    const second = await createAccountAction({ ...valid, name: "Other", domain: "dupe.example" });
    expect(second?.serverError).toMatchObject({ code: "INVALID", details: { fieldErrors: { domain: ["This domain belongs to another account."] } } });
  });

  it("allows the same domain in another organization", async () => {
    actAs(globex.rep);
    const result = await createAccountAction({ ...valid, domain: "dupe.example" });
    expect(result?.data?.id).toBeTruthy();
  });

  it("refuses anonymous callers and roles without the permission", async () => {
    actAs(null);
    expect((await createAccountAction(valid))?.serverError?.code).toBe("UNAUTHENTICATED");
    actAs(acme.marketing);
    expect((await createAccountAction(valid))?.serverError?.code).toBe("FORBIDDEN");
  });
});

describe("update account", () => {
  it("lets the owner and a manager edit, but not another rep", async () => {
    const account = await createAccountFor(acme.rep, { name: "Owned" });
    const input = { ...valid, id: account.id, domain: null, name: "Renamed" };
    actAs(acme.otherRep);
    expect((await updateAccountAction(input))?.serverError?.code).toBe("FORBIDDEN");
    actAs(acme.rep);
    expect((await updateAccountAction(input))?.data?.id).toBe(account.id);
    actAs(acme.manager);
    expect((await updateAccountAction({ ...input, name: "By manager" }))?.data?.id).toBe(account.id);
    const audit = await auditRows(account.id);
    expect(audit.map((a) => a.action)).toEqual(["update", "update"]);
    expect(audit[0]?.before).toMatchObject({ name: "Owned" });
    expect(audit[0]?.after).toMatchObject({ name: "Renamed" });
  });

  it("treats another organization's account as not found, and changes nothing", async () => {
    const foreign = await createAccountFor(globex.rep, { name: "Globex secret" });
    actAs(acme.manager);
    const result = await updateAccountAction({ ...valid, id: foreign.id, domain: null, name: "Hijacked" });
    expect(result?.serverError).toMatchObject({ code: "NOT_FOUND", message: "Account not found." });
    expect((await db().account.findUniqueOrThrow({ where: { id: foreign.id } })).name).toBe("Globex secret");
    await expect(getAccount(acme.manager, foreign.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});

describe("account list", () => {
  it("filters, sorts and paginates on the server within the organization", async () => {
    const tenant = await createTenant("Lists");
    for (let i = 0; i < 25; i++)
      await createAccountFor(tenant.rep, { name: `Acct ${String(i).padStart(2, "0")}`, employeeCount: 100 + i, industry: i % 2 ? "Retail" : "SaaS" });
    const firstPage = await findAccounts(tenant.rep, accountListParams.parse({ sort: "employeeCount", dir: "desc" }));
    expect(firstPage).toMatchObject({ total: { count: 25, atLeast: false }, previous: null });
    expect(firstPage.rows[0]?.name).toBe("Acct 24");
    const secondPage = await findAccounts(tenant.rep, accountListParams.parse({ sort: "employeeCount", dir: "desc", after: firstPage.next }));
    expect(secondPage.rows).toHaveLength(5);
    expect(secondPage.next).toBeNull();
    const retail = await findAccounts(tenant.rep, accountListParams.parse({ industry: "Retail", q: "acct 1" }));
    expect(retail.rows.map((r) => r.name)).toEqual(["Acct 11", "Acct 13", "Acct 15", "Acct 17", "Acct 19"]);
    const garbage = accountListParams.parse({ sort: "passwordHash", after: "'; DROP", dir: "sideways" });
    expect(garbage).toMatchObject({ sort: "name", after: undefined, dir: "asc" });
  });

  it("offers each industry of the organization's accounts once, in order, and none of another organization's", async () => {
    const [mine, theirs] = await Promise.all([createTenant("Industries"), createTenant("Other industries")]);
    for (const industry of ["Retail", "SaaS", "Fintech", "SaaS", "Retail"]) await createAccountFor(mine.rep, { industry });
    await db().account.create({ data: { organizationId: mine.org.id, ownerId: mine.rep.id, name: "No industry" } });
    await createAccountFor(theirs.rep, { industry: "Mining" });
    expect(await listIndustries(mine.rep)).toEqual(["Fintech", "Retail", "SaaS"]);
    expect(await listIndustries(theirs.rep)).toEqual(["Mining"]);
  });
});
