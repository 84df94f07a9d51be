import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { can, ROLES, scopeOf, type Role } from "../../lib/permissions";
import { db } from "../../lib/server/db";
import type { SessionUser } from "../../lib/server/session";
import { USE_CASES, type UseCaseName } from "../../lib/server/use-cases";
import { ACTION_ROWS, type ActionRow, type Outcome } from "./probes/action-rows";
import { PAGE_ROWS, type PageRow } from "./probes/page-rows";
import { buildWorld, type World } from "./probes/world";
import { asUser } from "./setup";

// Public pages and actions read the caller's address from the request headers: a stranger with none.
vi.mock("next/headers", () => ({ headers: () => Promise.resolve(new Headers()) }));

/**
 * Every server action and every page with an id, tried cross-tenant, by a rep on another rep's record, by
 * each role the permission table denies, and signed out. Rows live in ./probes; a new action or page
 * without a row fails the first test below, with the row to add.
 */
const ROOT = path.resolve(import.meta.dirname, "../..");
const walk = (dir: string): string[] =>
  fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(path.join(dir, e.name)) : [path.join(dir, e.name)]));

let w: World;
let probes = 0;
beforeAll(async () => {
  w = await buildWorld();
});
afterAll(() => {
  console.info(`probe table: ${ACTION_ROWS.length} actions and ${PAGE_ROWS.length} pages, ${probes} probes run`);
});

describe("the probe table covers every action and page", () => {
  it("has a row for every file under lib/actions, with the permission of the use case its metadata names", () => {
    const files = walk(path.join(ROOT, "lib/actions")).filter((f) => f.endsWith(".ts") && !f.endsWith(".test.ts"));
    const problems = files.flatMap((file) => {
      const rel = path.relative(path.join(ROOT, "lib/actions"), file).split(path.sep).join("/");
      const source = fs.readFileSync(file, "utf8");
      const useCase = /useCase:\s*"([^"]+)"/.exec(source)?.[1] as UseCaseName | undefined;
      const permission = useCase ? (USE_CASES[useCase]?.permission ?? `unregistered use case ${useCase}`) : "public";
      const exported = /export const (\w+)/.exec(source)?.[1] ?? "theAction";
      const row = ACTION_ROWS.find((r) => r.file === rel);
      if (!row) {
        return [
          `lib/actions/${rel} has no probe row. Add to ACTION_ROWS in tests/integration/probes/action-rows.ts:\n` +
            `  { file: "${rel}", permission: "${permission}", record: <true if the input names a record>, ownerScoped: <true if a rep may only act on their own>, call: (w) => ${exported}({ /* a valid input aimed at w.a's records */ }) },`,
        ];
      }
      return row.permission === permission ? [] : [`lib/actions/${rel} needs permission "${permission}" but its probe row says "${row.permission}".`];
    });
    const stale = ACTION_ROWS.filter((r) => !fs.existsSync(path.join(ROOT, "lib/actions", r.file))).map(
      (r) => `Probe row for ${r.file} names no file; remove it.`,
    );
    expect([...problems, ...stale], [...problems, ...stale].join("\n\n")).toEqual([]);
  });

  it("has a row for every page with a dynamic segment", () => {
    const pages = walk(path.join(ROOT, "app")).filter((f) => f.endsWith("page.tsx") && f.includes("["));
    const missing = pages
      .map((f) => path.relative(path.join(ROOT, "app"), f).split(path.sep).join("/"))
      .filter((rel) => !PAGE_ROWS.some((r) => r.file === rel))
      .map(
        (rel) =>
          `app/${rel} has no probe row. Add to PAGE_ROWS in tests/integration/probes/page-rows.ts:\n  { file: "${rel}", load: () => import("../../../app/${rel.replace(/\.tsx$/, "")}"), params: (w) => ({ id: /* tenant A's record */ }), edit: <the permission it requires, if any> },`,
      );
    expect(missing, missing.join("\n\n")).toEqual([]);
  });
});

const codeOf = (r: Outcome) => (r?.serverError ? r.serverError.code : r?.validationErrors ? "INVALID" : "OK");
const auditCount = () => db().auditEvent.count({ where: { organizationId: { in: [w.a.org.id, w.b.org.id] } } });

/** The probes one action row stands for: who calls, and the refusal they must get. */
function actionProbes(
  row: ActionRow,
): Array<{ who: string; as: (w: World) => SessionUser | null; expect: string; call: (w: World) => Promise<Outcome> }> {
  if (row.permission === "public")
    return row.publicProbe
      ? [{ who: "a stranger with a forged input", as: () => null, expect: row.publicProbe.expect, call: row.publicProbe.call }]
      : [];
  const permission = row.permission;
  const denied = ROLES.filter((role) => !can(role, permission));
  const allowed = ROLES.find((role) => can(role, permission) && role === "admin") ?? ROLES.find((role) => can(role, permission));
  return [
    { who: "signed out", as: () => null, expect: "UNAUTHENTICATED", call: row.call },
    ...denied.map((role) => ({ who: `a ${role} (role denied)`, as: (x: World) => userOf(x, "a", role), expect: "FORBIDDEN", call: row.call })),
    ...(row.record && allowed
      ? [{ who: `another organization's ${allowed}`, as: (x: World) => userOf(x, "b", allowed), expect: "NOT_FOUND", call: row.call }]
      : []),
    ...(row.ownerScoped && scopeOf("rep", permission) === "own"
      ? [{ who: "a rep on another rep's record", as: (x: World) => x.a.otherRep, expect: "FORBIDDEN", call: row.call }]
      : []),
  ];
}

function userOf(x: World, tenant: "a" | "b", role: Role): SessionUser {
  const t = x[tenant];
  return { rep: t.rep, manager: t.manager, marketing: t.marketing, admin: t.admin }[role];
}

describe.each(ACTION_ROWS.map((row) => [row.file, row] as const))("action %s", (_, row) => {
  it("refuses every probe and writes nothing", async () => {
    for (const probe of actionProbes(row)) {
      const before = await auditCount();
      const result = await asUser(probe.as(w), () => probe.call(w));
      probes++;
      expect(`${probe.who} → ${codeOf(result)}`).toBe(`${probe.who} → ${probe.expect}`);
      expect(await auditCount(), `${probe.who} wrote an audit row`).toBe(before);
    }
  });
});

async function render(row: PageRow, who: SessionUser | null): Promise<string> {
  const page = (await row.load()).default as (props: { params: Promise<Record<string, string>> }) => unknown;
  try {
    await asUser(who, () => Promise.resolve(page({ params: Promise.resolve(row.params(w)) })));
    return "ok";
  } catch (error) {
    const raw = (error as { digest?: unknown }).digest;
    const digest = typeof raw === "string" ? raw : "";
    if (digest.startsWith("NEXT_HTTP_ERROR_FALLBACK;404")) return "404";
    if (digest.startsWith("NEXT_REDIRECT") || (error as Error).message === "not signed in") return "sign-in";
    throw error;
  }
}

describe.each(PAGE_ROWS.map((row) => [row.file, row] as const))("page %s", (_, row) => {
  it("shows the record only to those who may see it", async () => {
    if (row.public) {
      // Signed-out by design; the token is judged when the form is sent (see the reset-password action row).
      probes++;
      expect(await render(row, null)).toBe(row.publicExpect ?? "ok");
      return;
    }
    const expectations: Array<[string, SessionUser | null, string]> = [
      ["signed out", null, "sign-in"],
      ["another organization's admin", w.b.admin, "404"],
      ...ROLES.map((role): [string, SessionUser, string] => [`a ${role}`, userOf(w, "a", role), row.edit && !can(role, row.edit) ? "404" : "ok"]),
      ["a rep on another rep's record", w.a.otherRep, row.edit && scopeOf("rep", row.edit) !== "org" ? "404" : "ok"],
    ];
    for (const [who, user, expected] of expectations) {
      probes++;
      expect(`${who} → ${await render(row, user)}`).toBe(`${who} → ${expected}`);
    }
  });
});
