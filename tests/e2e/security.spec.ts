import { expect, test } from "./fixtures";
import { type Page } from "@playwright/test";
import { DEMO, DEMO_PASSWORD, signIn, unique } from "./helpers";

async function signInFrom(page: Page, url: string) {
  await page.goto(url);
  await page.getByLabel("Email").fill(DEMO.rep.email);
  await page.getByLabel("Password").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByTestId("current-user")).toHaveText(DEMO.rep.name);
}

for (const callback of ["/%5Cevil.example/", "/%09/evil.example/"]) {
  test(`callbackUrl=${callback} does not take the browser to another host after sign-in`, async ({ page, baseURL }) => {
    test.slow();
    await signInFrom(page, `/login?callbackUrl=${callback}`);
    expect(new URL(page.url()).origin).toBe(baseURL);
  });
}

test("a same-site callback path is still honoured", async ({ page }) => {
  test.slow();
  await signInFrom(page, "/login?callbackUrl=%2Fpipeline");
  await expect(page).toHaveURL(/\/pipeline$/);
});

test("a tech-stack entry that is too long shows its error next to the field, and nothing is saved", async ({ page }) => {
  test.slow();
  await signIn(page, DEMO.rep);
  await page.goto("/accounts/new");
  const name = unique("Stacked");
  await page.getByLabel("Name").fill(name);
  await page.getByLabel("Tech stack").fill(`dbt, ${"x".repeat(61)}`);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByTestId("error-techStack")).toHaveText("Each tech stack entry must be at most 60 characters.");
  await expect(page).toHaveURL(/\/accounts\/new$/);
  await page.goto(`/accounts?q=${encodeURIComponent(name)}`);
  await expect(page.getByTestId("empty-state")).toBeVisible();
});

test("signing out ends the session: a copied cookie no longer opens pages", async ({ page, browser }) => {
  test.slow();
  await signIn(page, DEMO.rep);
  const copied = await page.context().cookies();
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/login/);

  const thief = await browser.newContext();
  await thief.addCookies(copied);
  const stolen = await thief.newPage();
  await stolen.goto("/opportunities");
  await expect(stolen).toHaveURL(/\/login/);
  await thief.close();
});

test("the app's own pages run under a nonce-based CSP with zero violations", async ({ page }) => {
  test.setTimeout(180_000);
  const violations: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy|Refused to (execute|load|apply|connect)/i.test(message.text())) violations.push(message.text());
  });
  page.on("pageerror", (error) => violations.push(`pageerror: ${error.message}`));

  const login = await page.goto("/login");
  const headers = login?.headers() ?? {};
  expect(headers["content-security-policy"]).toMatch(/script-src 'self' 'nonce-[^']+' 'strict-dynamic'/);
  expect(headers["content-security-policy"]).toContain("frame-ancestors 'none'");
  expect(headers).toMatchObject({
    "x-frame-options": "DENY",
    "x-content-type-options": "nosniff",
    "referrer-policy": "strict-origin-when-cross-origin",
  });
  expect(headers["permissions-policy"]).toContain("camera=()");

  await signIn(page, DEMO.admin);
  for (const path of [
    "/dashboard",
    "/pipeline",
    "/opportunities",
    "/opportunities/seed_opp_01",
    "/accounts",
    "/accounts/new",
    "/contacts",
    "/icp",
    "/settings/qualification",
    "/settings/users",
    "/settings/audit",
    "/settings/account",
  ]) {
    await page.goto(path);
    await expect(page.getByTestId("current-user")).toBeVisible();
  }
  await page.goto("/pipeline");
  await page.getByRole("link", { name: "Opportunities", exact: true }).click();
  await expect(page).toHaveURL(/\/opportunities$/);
  expect(violations).toEqual([]);
});

test("an admin sees the audit log, filters it and exports CSV; a rep does not", async ({ page }) => {
  test.slow();
  await signIn(page, DEMO.admin);
  await page.goto("/settings/audit?entity=user");
  await expect(page.getByRole("heading", { name: "Audit log" })).toBeVisible();
  await expect(page.getByLabel("Entity")).toBeVisible();
  const download = await page.request.get("/settings/audit/export?entity=user");
  expect(download.status()).toBe(200);
  expect(download.headers()["content-type"]).toContain("text/csv");
  expect((await download.text()).split("\r\n")[0]).toBe("at,actor,actor_email,entity_type,entity_id,action,reason,before,after");
  await page.getByRole("button", { name: "Sign out" }).click();
  // Let sign-out's own navigation finish; starting another one mid-way aborts it (net::ERR_ABORTED).
  await expect(page).toHaveURL(/\/login/);
  await signIn(page, DEMO.rep);
  expect((await page.goto("/settings/audit"))?.status()).toBe(404);
  expect((await page.request.get("/settings/audit/export")).status()).toBe(404);
});
