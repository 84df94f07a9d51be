import { beforeEach, describe, expect, it } from "vitest";
import { createIcpVersionAction } from "../../lib/actions/icp/create-icp-version";
import { previewIcpAction } from "../../lib/actions/icp/preview-icp";
import { db } from "../../lib/server/db";
import { previewFit } from "../../lib/server/icp/preview";
import { loadQualificationSettings } from "../../lib/server/qualification/settings";
import type { SaveIcpInput } from "../../lib/validation/icp";
import { auditRows, createAccountFor, createTenant, type Tenant } from "../fixtures/tenants";
import { actAs } from "./setup";

let t: Tenant;

beforeEach(async () => {
  t = await createTenant("Icp");
});

const rules: SaveIcpInput["rules"] = [
  { id: "industry", label: "Software or fintech", kind: "industry_in", industries: ["SaaS", "Fintech"], weight: 30, knockout: false },
  { id: "size", label: "Mid-market", kind: "employee_range", min: 50, max: 2000, weight: 30, knockout: true },
  { id: "region", label: "Sold in EMEA", kind: "region_in", regions: ["EMEA"], weight: 20, knockout: false },
  { id: "crm", label: "Uses a CRM", kind: "tech_includes", technologies: ["HubSpot", "Salesforce"], mode: "any", weight: 20, knockout: false },
];

const v1: SaveIcpInput = { rules, pursueThreshold: 60, disqualifyBelow: 30, basedOnVersion: 0, note: "First cut" };

/** Everything an ICP save could write for an organization. */
async function icpWrites(organizationId: string) {
  const [versions, audits] = await Promise.all([
    db().icpVersion.findMany({ where: { organizationId }, orderBy: { version: "asc" } }),
    db().auditEvent.count({ where: { organizationId, entityType: "icp" } }),
  ]);
  return { versions, audits };
}

describe("saving the ICP", () => {
  it("creates version 1, then version 2 as a new row, leaving version 1 intact; each is audited", async () => {
    actAs(t.marketing);
    const first = await createIcpVersionAction(v1);
    expect(first?.serverError).toBeUndefined();
    expect(first?.data?.version).toBe(1);
    const original = await db().icpVersion.findUniqueOrThrow({ where: { id: first.data!.id } });

    const second = await createIcpVersionAction({
      ...v1,
      rules: rules.slice(0, 2),
      pursueThreshold: 70,
      disqualifyBelow: null,
      basedOnVersion: 1,
      note: undefined,
    });
    expect(second?.data?.version).toBe(2);

    const { versions, audits } = await icpWrites(t.org.id);
    expect(versions.map((v) => v.version)).toEqual([1, 2]);
    expect(versions[0]).toEqual(original);
    expect(versions[0]).toMatchObject({ pursueThreshold: 60, disqualifyBelow: 30, note: "First cut", createdById: t.marketing.id, rules });
    expect(versions[1]).toMatchObject({ pursueThreshold: 70, disqualifyBelow: null, note: null, rules: rules.slice(0, 2) });
    expect(audits).toBe(2);
    const [audit] = await auditRows(second.data!.id);
    expect(audit).toMatchObject({ entityType: "icp", action: "create", actorId: t.marketing.id });
    expect(audit?.before).toMatchObject({ version: 1 });
    expect(audit?.after).toMatchObject({ version: 2 });

    const settings = await loadQualificationSettings(db(), t.org.id, null);
    expect(settings.icp).toEqual({ version: 2, rules: rules.slice(0, 2), pursueThreshold: 70 });
  });

  it("lets an admin save every rule kind of the engine", async () => {
    actAs(t.admin);
    const everyKind: SaveIcpInput["rules"] = [
      ...rules,
      { id: "country", label: "Home markets", kind: "country_in", countries: ["Germany", "France"], weight: 5, knockout: false },
      { id: "all_stack", label: "Modern stack", kind: "tech_includes", technologies: ["Snowflake", "dbt"], mode: "all", weight: 5, knockout: false },
      { id: "no_legacy", label: "No legacy BI", kind: "tech_excludes", technologies: ["Cognos"], weight: 5, knockout: true },
      { id: "funding", label: "Funded", kind: "funding_stage_in", stages: ["Series B", "Series C"], weight: 5, knockout: false },
      { id: "hiring", label: "Hiring data people", kind: "hiring_signals", minCount: 2, signals: ["Data engineer"], weight: 5, knockout: false },
    ];
    const result = await createIcpVersionAction({ ...v1, rules: everyKind });
    expect(result?.data?.version).toBe(1);
    expect((await loadQualificationSettings(db(), t.org.id, null)).icp.rules).toEqual(everyKind);
  });

  it("refuses a save made on top of an outdated version, so a colleague's version is not silently replaced", async () => {
    actAs(t.marketing);
    await createIcpVersionAction(v1);
    const stale = await createIcpVersionAction({ ...v1, basedOnVersion: 0 });
    expect(stale?.serverError).toMatchObject({ code: "CONFLICT", message: expect.stringContaining("version 1") as string });
    expect((await icpWrites(t.org.id)).versions).toHaveLength(1);
  });
});

describe("who may change the ICP", () => {
  it("refuses a rep and a manager (FORBIDDEN), and anonymous callers; nothing is written", async () => {
    for (const user of [t.rep, t.manager]) {
      actAs(user);
      expect((await createIcpVersionAction(v1))?.serverError?.code).toBe("FORBIDDEN");
      expect((await previewIcpAction(v1))?.serverError?.code).toBe("FORBIDDEN");
    }
    actAs(null);
    expect((await createIcpVersionAction(v1))?.serverError?.code).toBe("UNAUTHENTICATED");
    expect(await icpWrites(t.org.id)).toEqual({ versions: [], audits: 0 });
  });

  it("never touches another organization: versions are numbered and stored per organization", async () => {
    const other = await createTenant("OtherIcp");
    actAs(t.marketing);
    await createIcpVersionAction(v1);
    actAs(other.marketing);
    const theirs = await createIcpVersionAction({ ...v1, pursueThreshold: 40 });
    expect(theirs?.data?.version).toBe(1);
    const mine = await icpWrites(t.org.id);
    expect(mine.versions).toHaveLength(1);
    expect(mine.versions[0]?.pursueThreshold).toBe(60);
    expect((await loadQualificationSettings(db(), other.org.id, null)).icp.pursueThreshold).toBe(40);
  });
});

describe("invalid ICPs are refused and nothing is written", () => {
  it("refuses what the engine's validation rejects, with a clear message and field errors", async () => {
    actAs(t.marketing);
    const size = { id: "size", label: "Mid-market", kind: "employee_range" as const, min: 5000, max: 50, weight: 30, knockout: true };
    const badRange = await createIcpVersionAction({ ...v1, rules: [size] });
    expect(badRange?.serverError).toMatchObject({ code: "INVALID", message: 'The ICP was not saved. Rule "Mid-market": min must not exceed max.' });
    expect((badRange?.serverError?.details as { fieldErrors: Record<string, string[]> }).fieldErrors["rules.0.min"]).toBeDefined();

    const floor = await createIcpVersionAction({ ...v1, pursueThreshold: 40, disqualifyBelow: 50 });
    expect(floor?.serverError?.message).toBe("The ICP was not saved. Disqualify-below: must be between 0 and the pursue threshold.");

    const dup = await createIcpVersionAction({ ...v1, rules: [rules[0]!, { ...rules[2]!, id: "industry" }] });
    expect(dup?.serverError?.message).toContain('duplicate rule id "industry"');
    expect(await icpWrites(t.org.id)).toEqual({ versions: [], audits: 0 });
  });

  it("refuses malformed input (empty lists, thresholds out of range, unknown kinds) with validation errors", async () => {
    actAs(t.marketing);
    const emptyList = await createIcpVersionAction({ ...v1, rules: [{ ...rules[0]!, industries: [] } as SaveIcpInput["rules"][number]] });
    expect(emptyList?.validationErrors?.fieldErrors).toEqual({ "rules.0.industries": ["List at least one value."] });
    const threshold = await createIcpVersionAction({ ...v1, pursueThreshold: 101 });
    expect(threshold?.validationErrors?.fieldErrors.pursueThreshold).toEqual(["Pursue threshold must be between 0 and 100."]);
    const unknownKind = await createIcpVersionAction({ ...v1, rules: [{ ...rules[0]!, kind: "vibes" } as unknown as SaveIcpInput["rules"][number]] });
    expect(Object.keys(unknownKind?.validationErrors?.fieldErrors ?? {})).toEqual(["rules.0.kind"]);
    expect(await icpWrites(t.org.id)).toEqual({ versions: [], audits: 0 });
  });
});

describe("fit preview", () => {
  it("counts the organization's accounts as pursue, below threshold or knocked out, best and worst first", async () => {
    const other = await createTenant("Elsewhere");
    await createAccountFor(other.rep, { name: "Not ours", industry: "SaaS", employeeCount: 500 });
    await Promise.all([
      createAccountFor(t.rep, { name: "Perfect", industry: "SaaS", employeeCount: 500 }),
      createAccountFor(t.rep, { name: "Wrong industry", industry: "Retail", employeeCount: 500 }),
      createAccountFor(t.rep, { name: "Too big", industry: "SaaS", employeeCount: 90_000 }),
    ]);
    const icp = { version: 1, rules: rules.slice(0, 2), pursueThreshold: 60, disqualifyBelow: 40 };
    const preview = await previewFit(t.rep, icp);
    expect(preview).toMatchObject({ scanned: 3, truncated: false, counts: { pursue: 1, below: 1, knocked_out: 1 }, underFloor: 0 });
    expect(preview.top.map((r) => [r.name, r.score, r.bucket])).toEqual([
      ["Perfect", 100, "pursue"],
      ["Wrong industry", 50, "below"],
      ["Too big", 0, "knocked_out"],
    ]);
    expect(preview.top[2]?.knockouts).toEqual(["Mid-market"]);
    expect(preview.bottom).toEqual([]);

    actAs(t.marketing);
    const drafted = await previewIcpAction({ rules: rules.slice(0, 1), pursueThreshold: 60, disqualifyBelow: null });
    expect(drafted?.data?.counts).toEqual({ pursue: 2, below: 1, knocked_out: 0 });
  });
});
