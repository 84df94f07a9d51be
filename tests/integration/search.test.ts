import { NextRequest } from "next/server";
import { beforeEach, describe, expect, it } from "vitest";
import { GET } from "../../app/api/search/route";
import { db } from "../../lib/server/db";
import { searchRecords } from "../../lib/server/search/search-records";
import { createAccountFor, createContactFor, createOpportunityFor, createTenant, type Tenant } from "../fixtures/tenants";
import { actAs } from "./setup";

let t: Tenant;
let other: Tenant;

async function leadFor(org: Tenant, ownerId: string | null, name: string, companyName: string) {
  return db().lead.create({
    data: {
      organizationId: org.org.id,
      source: "manual",
      name,
      companyName,
      fit: 50,
      intent: 50,
      verdict: "pursue",
      icpVersion: 1,
      scoredAt: new Date(),
      ownerId,
    },
  });
}

beforeEach(async () => {
  [t, other] = await Promise.all([createTenant("Search"), createTenant("Elsewhere")]);
  const mine = await createAccountFor(t.rep, { name: "Globex Corporation", domain: "globex.io" });
  await createOpportunityFor(t.rep, mine.id, { name: "Globex renewal" });
  await createOpportunityFor(t.otherRep, mine.id, { name: "Big Globex expansion" });
  await createContactFor(t.rep, mine.id, "Hank Globex");
  await leadFor(t, t.rep.id, "Lee Mine", "Globex Labs");
  await leadFor(t, t.otherRep.id, "Lou Theirs", "Globex Subsidiary");
  const theirs = await createAccountFor(other.rep, { name: "Globex Elsewhere" });
  await createOpportunityFor(other.rep, theirs.id, { name: "Globex foreign deal" });
  await createContactFor(other.rep, theirs.id, "Globex Foreign Contact");
  await leadFor(other, other.rep.id, "Foreign Lead", "Globex Abroad");
});

const labels = (hits: { kind: string; label: string }[]) => hits.map((h) => `${h.kind}:${h.label}`);

describe("command palette search", () => {
  it("finds deals, accounts, contacts and leads by part of the name, case-insensitively, prefix matches first", async () => {
    const hits = await searchRecords(t.manager, "  gLoBeX ");
    expect(labels(hits)).toEqual([
      "deal:Globex renewal",
      "deal:Big Globex expansion",
      "account:Globex Corporation",
      "contact:Hank Globex",
      "lead:Lee Mine",
      "lead:Lou Theirs",
    ]);
    expect(hits[0]?.detail).toBe("Globex Corporation");
    expect(hits[0]?.href).toMatch(/^\/opportunities\/\w+$/);
  });

  it("never returns another organization's records", async () => {
    const hits = await searchRecords(other.admin, "globex");
    expect(labels(hits)).toEqual(["deal:Globex foreign deal", "account:Globex Elsewhere", "contact:Globex Foreign Contact", "lead:Foreign Lead"]);
    expect(labels(await searchRecords(t.admin, "foreign"))).toEqual([]);
  });

  it("shows a rep only the leads routed to them, and every role the org's deals", async () => {
    expect(labels(await searchRecords(t.rep, "globex")).filter((l) => l.startsWith("lead:"))).toEqual(["lead:Lee Mine"]);
    expect(labels(await searchRecords(t.rep, "globex")).filter((l) => l.startsWith("deal:"))).toHaveLength(2);
    expect(labels(await searchRecords(t.marketing, "globex")).filter((l) => l.startsWith("lead:"))).toEqual(["lead:Lee Mine", "lead:Lou Theirs"]);
  });

  it("matches nothing for queries too short or not text, and treats LIKE wildcards literally", async () => {
    expect(await searchRecords(t.manager, "g")).toEqual([]);
    expect(await searchRecords(t.manager, { q: "globex" })).toEqual([]);
    expect(await searchRecords(t.manager, "%%")).toEqual([]);
    expect(await searchRecords(t.manager, "glo_ex")).toEqual([]);
    expect(await searchRecords(t.manager, "x".repeat(500))).toEqual([]);
  });

  it("answers signed-out callers with 401 and signed-in ones with their organization's hits", async () => {
    const request = () => new NextRequest("http://127.0.0.1/api/search?q=globex");
    actAs(null);
    expect((await GET(request())).status).toBe(401);
    actAs(other.rep);
    const response = await GET(request());
    expect(response.status).toBe(200);
    const { hits } = (await response.json()) as { hits: { label: string }[] };
    expect(hits.map((h) => h.label)).toEqual(["Globex foreign deal", "Globex Elsewhere", "Globex Foreign Contact", "Foreign Lead"]);
  });
});

describe("record picker search (one kind)", () => {
  it("returns only the kinds asked for, still in the caller's organization only", async () => {
    expect(labels(await searchRecords(t.rep, "globex", ["account"]))).toEqual(["account:Globex Corporation"]);
    expect(labels(await searchRecords(t.rep, "globex", ["contact", "deal"]))).toEqual([
      "deal:Globex renewal",
      "deal:Big Globex expansion",
      "contact:Hank Globex",
    ]);
    expect(labels(await searchRecords(other.rep, "globex", ["account"]))).toEqual(["account:Globex Elsewhere"]);
    expect(labels(await searchRecords(t.admin, "elsewhere", ["account"]))).toEqual([]);
  });

  it("does not widen a rep's leads through the kind filter, and ignores unknown kinds", async () => {
    expect(labels(await searchRecords(t.rep, "globex", ["lead"]))).toEqual(["lead:Lee Mine"]);
    expect(labels(await searchRecords(t.rep, "globex", ["user", "organization"]))).toHaveLength(5);
  });

  it("filters by kind through the route as well", async () => {
    actAs(other.rep);
    const response = await GET(new NextRequest("http://127.0.0.1/api/search?q=globex&kind=account"));
    const { hits } = (await response.json()) as { hits: { label: string }[] };
    expect(hits.map((h) => h.label)).toEqual(["Globex Elsewhere"]);
  });
});
