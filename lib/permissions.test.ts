import { describe, expect, it } from "vitest";
import { can, canOnRecord, PERMISSIONS, ROLES, type Permission, type Role } from "./permissions";

describe("the permission table", () => {
  it.each<[Role, Permission, boolean]>([
    ["rep", "opportunity.update", true],
    ["rep", "gate.override", false],
    ["rep", "icp.manage", false],
    ["rep", "pipeline.configure", false],
    ["manager", "gate.override", true],
    ["manager", "icp.manage", false],
    ["marketing", "icp.manage", true],
    ["marketing", "opportunity.create", false],
    ["marketing", "gate.override", false],
    ["admin", "user.manage", true],
    ["manager", "user.manage", false],
    ["manager", "insights.view", true],
    ["rep", "insights.view", false],
    ["marketing", "insights.view", false],
  ])("%s may %s: %s", (role, permission, expected) => {
    expect(can(role, permission)).toBe(expected);
  });

  it("limits reps to their own records where the scope is 'own', and managers to nothing less than the org", () => {
    const rep = { id: "u1", role: "rep" as const };
    const manager = { id: "u2", role: "manager" as const };
    expect(canOnRecord(rep, "opportunity.advance", "u1")).toBe(true);
    expect(canOnRecord(rep, "opportunity.advance", "someone-else")).toBe(false);
    expect(canOnRecord(rep, "note.create", "someone-else")).toBe(true);
    expect(canOnRecord(manager, "opportunity.advance", "someone-else")).toBe(true);
    expect(canOnRecord({ id: "u3", role: "marketing" }, "opportunity.advance", "u3")).toBe(false);
  });

  it("gives admins every permission (nobody is locked out of administration)", () => {
    for (const permission of Object.keys(PERMISSIONS) as Permission[]) expect(can("admin", permission)).toBe(true);
    expect(ROLES).toEqual(["rep", "manager", "marketing", "admin"]);
  });
});
