import fs from "node:fs";
import path from "node:path";
import { expect, test } from "./fixtures";
import { type Browser, type BrowserContext, type Page } from "@playwright/test";
import { DEMO, pickInCombobox, signIn } from "./helpers";

/**
 * axe-core on every page, in light and dark, on a desktop and a phone: any serious or critical WCAG A/AA violation
 * fails, and so does a page wider than its viewport. Cheap enough for every `npm test`: one browser context per
 * role, each page loaded once, and the four variants checked on the loaded page by switching the emulated colour
 * scheme (with no scheme cookie the app follows `prefers-color-scheme` through CSS alone) and the viewport size.
 * Every route is visited once, by the role that sees the most of it; other roles visit only the pages they see
 * differently. Records come from the seed's fixed ids.
 */

const DESKTOP = { width: 1440, height: 900 };
const PHONE = { width: 390, height: 844 };
const TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];
const FAILING = new Set(["serious", "critical"]);
/**
 * Switching the scheme changes colours only, so in dark the colour rules are the ones whose result can differ;
 * structure, names and roles are checked in light at each width.
 */
const COLOUR_RULES = ["color-contrast", "link-in-text-block"];
const VARIANTS = [
  { name: "desktop · light", viewport: DESKTOP, scheme: "light", rules: undefined },
  { name: "desktop · dark", viewport: DESKTOP, scheme: "dark", rules: COLOUR_RULES },
  { name: "phone · dark", viewport: PHONE, scheme: "dark", rules: COLOUR_RULES },
  { name: "phone · light", viewport: PHONE, scheme: "light", rules: undefined },
] as const;

const DEAL = "/opportunities/seed_opp_nine_click";
const ACCOUNT = "/accounts/seed_acc_helix";
const CONTACT = "/contacts/seed_con_helix_cfo";
const LEAD = "/leads/seed_lead_01";

/** A page to check: its path, or `open`, which reaches a page that needs a step first (a fresh record or link). */
type Visit = { name: string; path?: string; open?: (page: Page, browser: Browser) => Promise<void> };
type Role = "admin" | "manager" | "rep" | "marketing";

/** The admin sees every signed-in page, and every editing control on it. */
const ADMIN: Visit[] = [
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
  { name: "new contact", path: "/contacts/new" },
  { name: "contact", path: CONTACT },
  { name: "edit contact", path: `${CONTACT}/edit` },
  { name: "icp", path: "/icp" },
  { name: "intake form editor", path: "/forms" },
  { name: "import", path: "/import" },
  { name: "import mapping", open: importMapping },
  { name: "forecast", path: "/forecast" },
  { name: "qualification setup", path: "/settings/qualification" },
  { name: "users", path: "/settings/users" },
  { name: "audit log", path: "/settings/audit" },
  { name: "your account", path: "/settings/account" },
  { name: "api keys", path: "/settings/api-keys" },
  { name: "webhooks", path: "/settings/webhooks" },
  { name: "api reference", path: "/api-docs" },
  { name: "in-app not found", path: "/opportunities/no-such-deal" },
];

const OTHERS: Record<Exclude<Role, "admin">, Visit[]> = {
  // The team's numbers, read-only setup.
  manager: [
    { name: "dashboard", path: "/dashboard" },
    { name: "forecast", path: "/forecast" },
  ],
  // Their own board, list, day and deal; setup pages read-only.
  rep: [
    { name: "home (own deals)", path: "/" },
    { name: "my day", path: "/my-day" },
    { name: "pipeline", path: "/pipeline" },
    { name: "own deal", path: DEAL },
    { name: "icp (read only)", path: "/icp" },
    { name: "qualification setup (read only)", path: "/settings/qualification" },
  ],
  marketing: [{ name: "leads", path: "/leads" }],
};

const PUBLIC: Visit[] = [
  { name: "login", path: "/login" },
  { name: "reset password (bad link)", path: "/reset-password/forged" },
  { name: "intake form", path: "/intake/lumen" },
  { name: "intake thanks", path: "/intake/lumen/thanks" },
  { name: "recap", open: async (page, browser) => void (await page.goto(await recapPath(browser))) },
  { name: "public not found", path: "/intake/no-such-form" },
];

/** An import's mapping step: a one-row CSV uploaded by the admin. */
async function importMapping(page: Page) {
  await page.goto("/import");
  await page.getByLabel("The file holds").selectOption("leads");
  const csv = "Name,Email,Company\nAnn Axe,ann@axe-sweep.io,Axe Sweep";
  await page.getByLabel("CSV file").setInputFiles({ name: "leads.csv", mimeType: "text/csv", buffer: Buffer.from(csv) });
  await page.getByRole("button", { name: "Upload" }).click();
  await expect(page.getByTestId("mapping-form")).toBeVisible();
}

/** A buyer's recap link, made by the deal's rep in a context of its own (the page behind it needs no session). */
async function recapPath(browser: Browser): Promise<string> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, DEMO.rep);
  await page.goto(DEAL);
  const panel = page.getByTestId("recap-panel");
  // The buyer picker is a native select or a searchable combobox, depending on the forms' migration.
  const combobox = panel.getByRole("combobox", { name: "Buyer contact", exact: true });
  if (await combobox.evaluate((el) => el.tagName !== "SELECT").catch(() => false)) await pickInCombobox(panel, "Buyer contact", "Dana Ruiz");
  else await panel.getByLabel("Buyer contact").selectOption({ label: "Dana Ruiz (Economic buyer)" });
  await panel.getByRole("button", { name: "Create recap link" }).click();
  const link = new URL(await panel.getByTestId("recap-link-value").inputValue()).pathname;
  await context.close();
  return link;
}

/**
 * axe-core as @axe-core/playwright ships it, put in each page once and run four times (the builder re-injects its
 * half-megabyte script on every run, which costs seconds per page on a busy machine).
 */
const AXE_SOURCE = fs.readFileSync(path.join("node_modules", "axe-core", "axe.min.js"), "utf8");

/** The parts of axe's result this spec reads. */
type Violation = {
  id: string;
  impact?: string | null;
  help: string;
  helpUrl: string;
  nodes: { target: string[]; failureSummary?: string }[];
};
type AxeRun = (options: object) => Promise<{ violations: Violation[] }>;

async function runAxe(page: Page, rules?: readonly string[]): Promise<{ violations: Violation[] }> {
  if (!(await page.evaluate(() => "axe" in window))) await page.evaluate(AXE_SOURCE);
  const options = {
    runOnly: rules ? { type: "rule", values: [...rules] } : { type: "tag", values: TAGS },
    resultTypes: ["violations"],
  };
  return page.evaluate((opts) => (window as unknown as { axe: { run: AxeRun } }).axe.run(opts), options);
}

/** Waits until no CSS transition or finite animation is running, so contrast is measured on the final colours. */
async function settle(page: Page) {
  await page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== "running" || a.effect?.getTiming().iterations === Infinity));
}

// Totals by page, variant, impact and rule, kept beside the results (`test-results/axe-summary.json`).
const RUN_DIR = path.join("test-results", "axe", String(process.ppid));
const TALLY = path.join(RUN_DIR, "violations.jsonl");
const SUMMARY = path.join("test-results", "axe-summary.json");
/** One line per check with axe's time, to see where a slow run goes. */
const PROGRESS = path.join(RUN_DIR, "progress.log");
type Row = { group: string; page: string; variant: string; impact: string; rule: string; nodes: number };
/** Where screenshots of key pages in every variant go when set (they are not part of the repository). */
const SHOTS = process.env.A11Y_SHOTS_DIR;
const SHOT_PAGES = new Set(["dashboard", "pipeline", "deal", "leads", "users", "login"]);

/** Checks one loaded page in the four variants; returns one readable line per failure. */
async function audit(page: Page, group: string, visit: string): Promise<string[]> {
  const failures: string[] = [];
  const heading = await expect(page.locator("h1").first())
    .toBeVisible()
    .then(
      () => true,
      () => false,
    );
  if (!heading) failures.push(`${group}: ${visit}: no visible <h1>`);
  for (const variant of VARIANTS) {
    const where = `${group}: ${visit} · ${variant.name}`;
    await page.setViewportSize(variant.viewport);
    await page.emulateMedia({ colorScheme: variant.scheme });
    await settle(page);
    const started = Date.now();
    const { violations } = await runAxe(page, variant.rules);
    fs.appendFileSync(PROGRESS, `${new Date().toISOString()} ${where}: axe ${Date.now() - started} ms\n`);
    const rows: Row[] = violations.map((v) => ({
      group,
      page: visit,
      variant: variant.name,
      impact: v.impact ?? "unknown",
      rule: v.id,
      nodes: v.nodes.length,
    }));
    fs.appendFileSync(TALLY, rows.map((r) => `${JSON.stringify(r)}\n`).join(""));
    for (const v of violations.filter((v) => FAILING.has(v.impact ?? ""))) {
      const targets = v.nodes
        .slice(0, 4)
        .map((n) => `      ${n.target.join(" ")}${n.failureSummary ? ` — ${n.failureSummary.split("\n").slice(1, 2).join("").trim()}` : ""}`);
      const more = v.nodes.length > 4 ? [`      … and ${v.nodes.length - 4} more`] : [];
      failures.push([`${where}: ${v.impact} ${v.id}: ${v.help} (${v.helpUrl})`, ...targets, ...more].join("\n"));
    }
    const widths = await page.evaluate(() => ({ page: document.documentElement.scrollWidth, viewport: window.innerWidth }));
    if (widths.page > widths.viewport) {
      failures.push(`${where}: page is ${widths.page} px wide in a ${widths.viewport} px viewport`);
      fs.appendFileSync(PROGRESS, `${where}: ${widths.page} px wide\n`);
    }
    if (SHOTS && SHOT_PAGES.has(visit)) {
      const file = `${group}-${visit}-${variant.name}`.replace(/[^a-z0-9]+/gi, "-");
      await page.screenshot({ path: path.join(SHOTS, `${file}.png`), fullPage: true });
    }
  }
  return failures;
}

async function sweep(browser: Browser, group: string, visits: Visit[], who?: (typeof DEMO)[Role]) {
  const context: BrowserContext = await browser.newContext({ viewport: DESKTOP });
  const page = await context.newPage();
  if (who) await signIn(page, who);
  const failures: string[] = [];
  for (const visit of visits) {
    if (visit.open) await visit.open(page, browser);
    else await page.goto(visit.path!);
    // A page that crashed shows the app's error boundary, which is itself accessible: say so instead of passing it.
    if (await page.getByRole("heading", { name: "Something went wrong" }).count())
      failures.push(`${group}: ${visit.name} · the page failed to render`);
    else failures.push(...(await audit(page, group, visit.name)));
  }
  await context.close();
  expect(failures, `${failures.length} accessibility failure(s):\n\n${failures.join("\n\n")}\n`).toEqual([]);
}

test.beforeAll(() => {
  fs.mkdirSync(RUN_DIR, { recursive: true });
  if (SHOTS) fs.mkdirSync(SHOTS, { recursive: true });
});

test.describe("axe-core and page width, light and dark, desktop and phone", () => {
  // Dozens of pages, four axe runs each, on a busy 2-core machine: a generous bound, never a tight one.
  test.describe.configure({ timeout: 900_000 });

  test("as admin: every signed-in page", async ({ browser }) => {
    await sweep(browser, "admin", ADMIN, DEMO.admin);
  });
  for (const [role, visits] of Object.entries(OTHERS) as [Exclude<Role, "admin">, Visit[]][]) {
    test(`as ${role}: the pages this role sees differently`, async ({ browser }) => {
      await sweep(browser, role, visits, DEMO[role]);
    });
  }
  test("signed out: public pages", async ({ browser }) => {
    await sweep(browser, "public", PUBLIC);
  });
});

/** Totals by impact and rule over the whole run so far (rewritten after each test; the last one has them all). */
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
