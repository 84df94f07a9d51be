import fs from "node:fs";
import path from "node:path";
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Browser, type Page } from "@playwright/test";
import { DEMO, signIn } from "./helpers";

/**
 * axe-core on every page, as the roles that see it differently, in light and dark, on a desktop and a phone.
 * One page load per page: the viewport and the colour scheme change in place (the app's CSS follows both
 * without a reload). Any serious or critical violation fails; so does a page wider than a 390 px phone.
 */

const VIEWPORTS = [
  { name: "desktop", width: 1440, height: 900 },
  { name: "phone", width: 390, height: 844 },
] as const;
const SCHEMES = ["light", "dark"] as const;
const FAILING = new Set(["serious", "critical"]);

type Who = keyof typeof DEMO;
type Ids = Record<string, string>;
/** A page to visit; `:deal`, `:lead`, `:account`, `:contact` in the path stand for ids found on the list pages. */
type Visit = { name: string; path: string };

// Playwright restarts its worker after a failed test; what one run signs in and finds is kept on disk, keyed by the
// runner's pid (the workers' parent), so a restarted worker reuses it and the tally covers the whole run.
const RUN_DIR = path.join("test-results", "axe", String(process.ppid));
const TALLY = path.join(RUN_DIR, "violations.jsonl");
const SUMMARY = path.join("test-results", "axe-summary.json");
type Row = { page: string; scheme: string; viewport: string; impact: string; rule: string; nodes: number };
/** Where screenshots of every page, width and scheme go when set (they are not part of the repository). */
const SHOTS = process.env.A11Y_SHOTS_DIR;

test.describe.configure({ timeout: 180_000 });

async function storageFor(browser: Browser, who: Who): Promise<string> {
  const file = path.join(RUN_DIR, `${who}.storage.json`);
  if (fs.existsSync(file)) return file;
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, DEMO[who]);
  fs.mkdirSync(RUN_DIR, { recursive: true });
  await context.storageState({ path: file });
  await context.close();
  return file;
}

/** The first link on `listPath` whose href matches `pattern` (its first group is the id). */
async function firstId(page: Page, listPath: string, pattern: RegExp): Promise<string> {
  await page.goto(listPath);
  const hrefs = await page.locator("main a[href]").evaluateAll((links) => links.map((a) => a.getAttribute("href") ?? ""));
  const id = hrefs.map((h) => pattern.exec(h)?.[1]).find(Boolean);
  if (!id) throw new Error(`no link like ${pattern} on ${listPath}`);
  return id;
}

/** Waits until no CSS transition or animation is running, so contrast is measured on the final colours. */
async function settle(page: Page) {
  await page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== "running" || a.effect?.getTiming().iterations === Infinity));
}

async function audit(page: Page, name: string) {
  await expect(page.locator("h1").first()).toBeVisible();
  for (const viewport of VIEWPORTS) {
    await page.setViewportSize(viewport);
    for (const scheme of SCHEMES) {
      await page.emulateMedia({ colorScheme: scheme });
      await settle(page);
      const label = `${name} · ${viewport.name} · ${scheme}`;
      const { violations } = await new AxeBuilder({ page }).analyze();
      const rows: Row[] = violations.map((v) => ({ page: name, scheme, viewport: viewport.name, impact: v.impact ?? "unknown", rule: v.id, nodes: v.nodes.length }));
      fs.appendFileSync(TALLY, rows.map((r) => `${JSON.stringify(r)}\n`).join(""));
      if (SHOTS) await page.screenshot({ path: path.join(SHOTS, `${name.replace(/[^a-z0-9]+/gi, "-")}-${viewport.name}-${scheme}.png`), fullPage: true });
      const failing = violations
        .filter((v) => FAILING.has(v.impact ?? ""))
        .map((v) => `${v.impact} ${v.id} (${v.nodes.length}): ${v.nodes.slice(0, 3).map((n) => n.target.join(" ")).join(" | ")}`);
      expect.soft(failing, `axe: ${label}`).toEqual([]);
      if (viewport.name === "phone") {
        const widths = await page.evaluate(() => ({ page: document.documentElement.scrollWidth, viewport: window.innerWidth }));
        expect.soft(widths.page, `page wider than the phone: ${label}`).toBeLessThanOrEqual(widths.viewport);
      }
    }
  }
}

const ROLE_VISITS: Record<"admin" | "manager" | "rep" | "marketing", Visit[]> = {
  admin: [
    { name: "dashboard", path: "/dashboard" },
    { name: "leads", path: "/leads" },
    { name: "lead", path: "/leads/:lead" },
    { name: "nurture", path: "/nurture" },
    { name: "pipeline", path: "/pipeline" },
    { name: "opportunities", path: "/opportunities" },
    { name: "new opportunity", path: "/opportunities/new" },
    { name: "deal", path: "/opportunities/:deal" },
    { name: "edit deal", path: "/opportunities/:deal/edit" },
    { name: "accounts", path: "/accounts" },
    { name: "new account", path: "/accounts/new" },
    { name: "account", path: "/accounts/:account" },
    { name: "edit account", path: "/accounts/:account/edit" },
    { name: "contacts", path: "/contacts" },
    { name: "edit contact", path: "/contacts/:contact/edit" },
    { name: "icp", path: "/icp" },
    { name: "intake form editor", path: "/forms" },
    { name: "import", path: "/import" },
    { name: "qualification setup", path: "/settings/qualification" },
    { name: "users", path: "/settings/users" },
    { name: "audit log", path: "/settings/audit" },
    { name: "your account", path: "/settings/account" },
    { name: "forecast", path: "/forecast" },
    { name: "in-app not found", path: "/opportunities/no-such-deal" },
  ],
  manager: [
    { name: "dashboard", path: "/dashboard" },
    { name: "deal", path: "/opportunities/:deal" },
    { name: "qualification setup", path: "/settings/qualification" },
    { name: "forecast", path: "/forecast" },
  ],
  rep: [
    { name: "dashboard", path: "/dashboard" },
    { name: "pipeline", path: "/pipeline" },
    { name: "own deal", path: "/opportunities/:deal" },
    { name: "leads", path: "/leads" },
    { name: "icp (read only)", path: "/icp" },
    { name: "qualification setup (read only)", path: "/settings/qualification" },
  ],
  marketing: [
    { name: "icp", path: "/icp" },
    { name: "intake form editor", path: "/forms" },
    { name: "import", path: "/import" },
    { name: "leads", path: "/leads" },
  ],
};

for (const [who, visits] of Object.entries(ROLE_VISITS) as [keyof typeof ROLE_VISITS, Visit[]][]) {
  test.describe(`as ${who}`, () => {
    let storageState = "";
    const ids: Ids = {};
    test.beforeAll(async ({ browser }) => {
      // Signing in and finding ids loads up to five pages: more than one test's worth on a busy machine.
      test.setTimeout(300_000);
      storageState = await storageFor(browser, who);
      const idsFile = path.join(RUN_DIR, `${who}.ids.json`);
      if (fs.existsSync(idsFile)) return void Object.assign(ids, JSON.parse(fs.readFileSync(idsFile, "utf8")));
      const context = await browser.newContext({ storageState });
      const page = await context.newPage();
      const needs = new Set(visits.flatMap((v) => v.path.match(/:\w+/g) ?? []));
      if (needs.has(":deal")) ids.deal = await firstId(page, who === "rep" ? "/opportunities?owner=me" : "/opportunities", /^\/opportunities\/(?!new$)([^/?]+)$/);
      if (needs.has(":lead")) ids.lead = await firstId(page, "/leads", /^\/leads\/([^/?]+)$/);
      if (needs.has(":account")) ids.account = await firstId(page, "/accounts", /^\/accounts\/(?!new$)([^/?]+)$/);
      if (needs.has(":contact")) ids.contact = await firstId(page, "/contacts", /^\/contacts\/([^/?]+)\/edit$/);
      await context.close();
      fs.writeFileSync(idsFile, JSON.stringify(ids));
    });

    for (const visit of visits) {
      test(`${visit.name} has no serious accessibility violations`, async ({ browser }) => {
        const context = await browser.newContext({ storageState, viewport: VIEWPORTS[0] });
        const page = await context.newPage();
        await page.goto(visit.path.replace(/:(\w+)/g, (_, key: string) => ids[key] ?? key));
        await audit(page, `${who}: ${visit.name}`);
        await context.close();
      });
    }
  });
}

test.describe("signed out", () => {
  const visits: Visit[] = [
    { name: "login", path: "/login" },
    { name: "reset password (bad link)", path: "/reset-password/forged" },
    { name: "intake form", path: "/intake/lumen" },
    { name: "intake thanks", path: "/intake/lumen/thanks" },
    { name: "public not found", path: "/intake/no-such-form" },
  ];
  for (const visit of visits) {
    test(`${visit.name} has no serious accessibility violations`, async ({ page }) => {
      await page.setViewportSize(VIEWPORTS[0]);
      await page.goto(visit.path);
      await audit(page, `public: ${visit.name}`);
    });
  }
});

test.beforeAll(() => {
  fs.mkdirSync(RUN_DIR, { recursive: true });
  if (SHOTS) fs.mkdirSync(SHOTS, { recursive: true });
});

/** Totals by impact and rule over the whole run so far (rewritten by each worker; the last one has them all). */
test.afterAll(() => {
  const tally = fs.existsSync(TALLY) ? fs.readFileSync(TALLY, "utf8").split("\n").filter(Boolean).map((line) => JSON.parse(line) as Row) : [];
  const totals: Record<string, { rules: Record<string, number>; nodes: number }> = {};
  for (const row of tally) {
    const t = (totals[row.impact] ??= { rules: {}, nodes: 0 });
    t.nodes += row.nodes;
    t.rules[row.rule] = (t.rules[row.rule] ?? 0) + row.nodes;
  }
  fs.mkdirSync(path.dirname(SUMMARY), { recursive: true });
  fs.writeFileSync(SUMMARY, JSON.stringify({ violations: tally.length, totals, rows: tally }, null, 2));
});
