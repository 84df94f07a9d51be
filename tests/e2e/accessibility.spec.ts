import fs from "node:fs";
import path from "node:path";
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Browser, type Page } from "@playwright/test";
import { DEMO, pickInCombobox, signIn } from "./helpers";

/**
 * axe-core on every page each role reaches, in light and dark, on a desktop and a phone: any serious or critical
 * violation fails, and so does a page wider than its viewport. One test per role, width and scheme, in one browser
 * context that loads the role's pages one after another (a page is loaded at its width and scheme, never resized),
 * signed in once per role from a stored session. Records come from the seed's fixed ids.
 */

const VIEWPORTS = [
  { name: "desktop", width: 1440, height: 900 },
  { name: "phone", width: 390, height: 844 },
] as const;
const SCHEMES = ["light", "dark"] as const;
const FAILING = new Set(["serious", "critical"]);

const DEAL = "/opportunities/seed_opp_nine_click";
const ACCOUNT = "/accounts/seed_acc_helix";
const CONTACT = "/contacts/seed_con_helix_cfo";
const LEAD = "/leads/seed_lead_01";

type Visit = { name: string; path: string };
type Role = "admin" | "manager" | "rep" | "marketing";

const ROLE_VISITS: Record<Role, Visit[]> = {
  admin: [
    { name: "dashboard", path: "/dashboard" },
    { name: "my day", path: "/my-day" },
    { name: "leads", path: "/leads" },
    { name: "lead", path: LEAD },
    { name: "nurture", path: "/nurture" },
    { name: "pipeline", path: "/pipeline" },
    { name: "opportunities", path: "/opportunities" },
    { name: "new opportunity", path: "/opportunities/new" },
    { name: "deal", path: DEAL },
    { name: "edit deal", path: `${DEAL}/edit` },
    { name: "accounts", path: "/accounts" },
    { name: "new account", path: "/accounts/new" },
    { name: "account", path: ACCOUNT },
    { name: "edit account", path: `${ACCOUNT}/edit` },
    { name: "contacts", path: "/contacts" },
    { name: "contact", path: `${CONTACT}/edit` },
    { name: "icp", path: "/icp" },
    { name: "intake form editor", path: "/forms" },
    { name: "import", path: "/import" },
    { name: "forecast", path: "/forecast" },
    { name: "qualification setup", path: "/settings/qualification" },
    { name: "users", path: "/settings/users" },
    { name: "audit log", path: "/settings/audit" },
    { name: "your account", path: "/settings/account" },
    { name: "api keys", path: "/settings/api-keys" },
    { name: "webhooks", path: "/settings/webhooks" },
    { name: "api reference", path: "/api-docs" },
    { name: "in-app not found", path: "/opportunities/no-such-deal" },
  ],
  manager: [
    { name: "dashboard", path: "/dashboard" },
    { name: "my day", path: "/my-day" },
    { name: "deal", path: DEAL },
    { name: "forecast", path: "/forecast" },
    { name: "qualification setup", path: "/settings/qualification" },
  ],
  rep: [
    { name: "dashboard", path: "/dashboard" },
    { name: "my day", path: "/my-day" },
    { name: "pipeline", path: "/pipeline" },
    { name: "own deal", path: DEAL },
    { name: "leads", path: "/leads" },
    { name: "contacts", path: "/contacts" },
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

const PUBLIC_VISITS: Visit[] = [
  { name: "login", path: "/login" },
  { name: "reset password (bad link)", path: "/reset-password/forged" },
  { name: "intake form", path: "/intake/lumen" },
  { name: "intake thanks", path: "/intake/lumen/thanks" },
  { name: "recap", path: ":recap" },
  { name: "public not found", path: "/intake/no-such-form" },
];

// Playwright restarts its worker after a failed test; sessions and the recap link are kept on disk for the run
// (keyed by the runner's pid, the workers' parent), so a restarted worker reuses them and the tally stays whole.
const RUN_DIR = path.join("test-results", "axe", String(process.ppid));
const TALLY = path.join(RUN_DIR, "violations.jsonl");
const SUMMARY = path.join("test-results", "axe-summary.json");
type Row = { page: string; scheme: string; viewport: string; impact: string; rule: string; nodes: number };
/** Where screenshots of every page, width and scheme go when set (they are not part of the repository). */
const SHOTS = process.env.A11Y_SHOTS_DIR;

async function sessionOf(browser: Browser, who: Role): Promise<string> {
  const file = path.join(RUN_DIR, `${who}.storage.json`);
  if (fs.existsSync(file)) return file;
  const context = await browser.newContext();
  await signIn(await context.newPage(), DEMO[who]);
  await context.storageState({ path: file });
  await context.close();
  return file;
}

/** A buyer's recap link, made once per run by the deal's rep (the page behind it needs no session). */
async function recapPath(browser: Browser): Promise<string> {
  const file = path.join(RUN_DIR, "recap.txt");
  if (fs.existsSync(file)) return fs.readFileSync(file, "utf8");
  const context = await browser.newContext({ storageState: await sessionOf(browser, "rep") });
  const page = await context.newPage();
  await page.goto(DEAL);
  const panel = page.getByTestId("recap-panel");
  await pickInCombobox(panel, "Buyer contact", "Dana Ruiz");
  await panel.getByRole("button", { name: "Create recap link" }).click();
  const link = new URL(await panel.getByTestId("recap-link-value").inputValue()).pathname;
  await context.close();
  fs.writeFileSync(file, link);
  return link;
}

/** Waits until no CSS transition or animation is running, so contrast is measured on the final colours. */
async function settle(page: Page) {
  await page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== "running" || a.effect?.getTiming().iterations === Infinity));
}

async function audit(page: Page, label: string, where: { viewport: string; scheme: string }) {
  await expect.soft(page.locator("h1").first(), `no heading: ${label}`).toBeVisible();
  await settle(page);
  const { violations } = await new AxeBuilder({ page }).analyze();
  const rows: Row[] = violations.map((v) => ({
    page: label.split(" · ")[0] ?? label,
    ...where,
    impact: v.impact ?? "unknown",
    rule: v.id,
    nodes: v.nodes.length,
  }));
  fs.appendFileSync(TALLY, rows.map((r) => `${JSON.stringify(r)}\n`).join(""));
  if (SHOTS) await page.screenshot({ path: path.join(SHOTS, `${label.replace(/[^a-z0-9]+/gi, "-")}.png`), fullPage: true });
  const failing = violations
    .filter((v) => FAILING.has(v.impact ?? ""))
    .map(
      (v) =>
        `${v.impact} ${v.id} (${v.nodes.length}): ${v.nodes
          .slice(0, 3)
          .map((n) => n.target.join(" "))
          .join(" | ")}`,
    );
  expect.soft(failing, `axe: ${label}`).toEqual([]);
  const widths = await page.evaluate(() => ({ page: document.documentElement.scrollWidth, viewport: window.innerWidth }));
  expect.soft(widths.page, `page wider than the viewport: ${label}`).toBeLessThanOrEqual(widths.viewport);
}

function sweep(group: string, visits: Visit[], session: (browser: Browser) => Promise<string | undefined>) {
  for (const viewport of VIEWPORTS) {
    for (const scheme of SCHEMES) {
      test(`${group} · ${viewport.name} · ${scheme}: no serious violations, nothing wider than the screen`, async ({ browser }) => {
        const context = await browser.newContext({ storageState: await session(browser), viewport, colorScheme: scheme });
        const page = await context.newPage();
        for (const visit of visits) {
          const target = visit.path === ":recap" ? await recapPath(browser) : visit.path;
          await page.goto(target);
          await audit(page, `${group}: ${visit.name} · ${viewport.name} · ${scheme}`, { viewport: viewport.name, scheme });
        }
        await context.close();
      });
    }
  }
}

// One test loads up to 28 pages and runs axe on each: minutes on a busy 2-core machine, so a generous bound.
test.describe.configure({ timeout: 1_800_000 });

test.beforeAll(() => {
  fs.mkdirSync(RUN_DIR, { recursive: true });
  if (SHOTS) fs.mkdirSync(SHOTS, { recursive: true });
});

for (const [who, visits] of Object.entries(ROLE_VISITS) as [Role, Visit[]][]) {
  test.describe(`as ${who}`, () => sweep(who, visits, (browser) => sessionOf(browser, who)));
}
test.describe("signed out", () => sweep("public", PUBLIC_VISITS, () => Promise.resolve(undefined)));

/** Totals by impact and rule over the whole run so far (rewritten after each file run; the last one has them all). */
test.afterAll(() => {
  const tally = fs.existsSync(TALLY)
    ? fs
        .readFileSync(TALLY, "utf8")
        .split("\n")
        .filter(Boolean)
        .map((line) => JSON.parse(line) as Row)
    : [];
  const totals: Record<string, { rules: Record<string, number>; nodes: number }> = {};
  for (const row of tally) {
    const t = (totals[row.impact] ??= { rules: {}, nodes: 0 });
    t.nodes += row.nodes;
    t.rules[row.rule] = (t.rules[row.rule] ?? 0) + row.nodes;
  }
  fs.mkdirSync(path.dirname(SUMMARY), { recursive: true });
  fs.writeFileSync(SUMMARY, JSON.stringify({ violations: tally.length, totals, rows: tally }, null, 2));
});
