import { expect, test } from "./fixtures";
import { DEMO, signIn } from "./helpers";

// Seeded records of the two demo organizations (see prisma/seed/foundation.ts).
const NORTHWIND_ACCOUNT = "/accounts/seed_acc_nw_01";
const NORTHWIND_DEAL = "/opportunities/seed_opp_nw_01";
const LUMEN_DEAL = "/opportunities/seed_opp_01";

test("a rep of one organization cannot see or edit another organization's records", async ({ page }) => {
  await signIn(page, DEMO.rep);
  for (const url of [NORTHWIND_ACCOUNT, NORTHWIND_DEAL, `${NORTHWIND_DEAL}/edit`, `${NORTHWIND_ACCOUNT}/edit`]) {
    const response = await page.goto(url);
    expect(response?.status()).toBe(404);
    await expect(page.getByTestId("not-found")).toBeVisible();
  }
  await page.goto("/accounts?q=Contoso");
  await expect(page.getByTestId("empty-state")).toBeVisible();
});

test("and the other way round", async ({ page }) => {
  await signIn(page, DEMO.northwindRep);
  const response = await page.goto(LUMEN_DEAL);
  expect(response?.status()).toBe(404);
  // Other journeys may add Northwind deals (the setup journey does), so check whose deals are listed, not how many.
  await page.goto("/opportunities?status=all");
  await expect(page.locator(`a[href="${NORTHWIND_DEAL}"]`)).toBeVisible();
  await expect(page.locator(`a[href="${LUMEN_DEAL}"]`)).toHaveCount(0);
  // Lumen has dozens of deals; Northwind a handful.
  const total = Number((await page.getByTestId("list-total").innerText()).match(/\d+/)?.[0]);
  expect(total).toBeGreaterThanOrEqual(1);
  expect(total).toBeLessThan(5);
});

test("a rep cannot open the edit form of a colleague's deal", async ({ page }) => {
  await signIn(page, DEMO.rep2);
  // seed_opp_01 belongs to Riley (rep), not Sam (rep2).
  const response = await page.goto(`${LUMEN_DEAL}/edit`);
  expect(response?.status()).toBe(404);
});
