import { beforeAll, describe, expect, it } from "vitest";
import { createAccountAction } from "../../lib/actions/accounts/create-account";
import { changeRoleAction } from "../../lib/actions/users/change-role";
import { csvCell, exportAuditCsv, listAuditEvents } from "../../lib/server/audit-log/query";
import { auditFilterSchema } from "../../lib/validation/audit";
import { createTenant, type Tenant } from "../fixtures/tenants";
import { actAs } from "./setup";

let t: Tenant;
let other: Tenant;
beforeAll(async () => {
  [t, other] = await Promise.all([createTenant("Audit"), createTenant("AuditOther")]);
  actAs(t.rep);
  await createAccountAction({ name: '=HYPERLINK("http://evil")', techStack: "", hiringSignals: "" });
  actAs(t.admin);
  await changeRoleAction({ userId: t.otherRep.id, role: "manager" });
  actAs(other.rep);
  await createAccountAction({ name: "Other org account", techStack: "", hiringSignals: "" });
});

const filter = (raw: Record<string, string>) => auditFilterSchema.parse(raw);

describe("the audit log", () => {
  it("lists only the organization's events, filtered by actor, entity, action and date", async () => {
    const all = await listAuditEvents(t.admin, filter({}));
    expect(all.events.map((e) => e.organizationId)).toEqual(all.events.map(() => t.org.id));
    expect((await listAuditEvents(t.admin, filter({ actor: t.rep.id }))).events.map((e) => e.action)).toEqual(["create"]);
    expect((await listAuditEvents(t.admin, filter({ entity: "user", action: "change_role" }))).events).toHaveLength(1);
    expect((await listAuditEvents(t.admin, filter({ from: "2199-01-01" }))).events).toHaveLength(0);
    expect(filter({ from: "not a date", actor: "x'; drop", page: "-3" })).toMatchObject({ from: undefined, actor: undefined, page: 1 });
  });

  it("is for admins only", async () => {
    for (const who of [t.rep, t.manager, t.marketing]) await expect(listAuditEvents(who, filter({}))).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(exportAuditCsv(t.manager, filter({}))).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("exports CSV that a spreadsheet will not run as a formula", async () => {
    const csv = await exportAuditCsv(t.admin, filter({ entity: "account" }));
    const lines = csv.trim().split("\r\n");
    expect(lines[0]).toBe("at,actor,actor_email,entity_type,entity_id,action,reason,before,after");
    expect(lines).toHaveLength(2);
    expect(csv).not.toContain("Other org account");
    expect(csvCell("=1+1")).toBe("'=1+1");
    expect(csvCell('say "hi", ok')).toBe('"say ""hi"", ok"');
    expect(csvCell({ a: 1 })).toBe('"{""a"":1}"');
  });
});
