import { expect, test } from "@playwright/test";
import { DEMO, signIn } from "./helpers";

test("a manager sees forecast honesty on the seeded closed deals, with the count it rests on", async ({ page }) => {
  await signIn(page, DEMO.manager);
  await page.getByRole("link", { name: "Forecast honesty" }).click();
  await expect(page).toHaveURL(/\/forecast$/);
  await expect(page.getByTestId("honesty-basis")).toContainText(/Based on \d+ closed deals \(\d+ won, \d+ lost\)/);
  const basis = await page.getByTestId("honesty-basis").textContent();
  expect(Number(/Based on (\d+) closed deals/.exec(basis ?? "")?.[1])).toBeGreaterThanOrEqual(100);
  for (const predictor of ["stage", "rep", "adjusted"]) await expect(page.getByTestId(`brier-${predictor}`)).toHaveText(/^0\.\d{3}$/);
  await expect(page.getByTestId("calibration-chart")).toBeVisible();
  await expect(page.getByTestId("honesty-quarters").locator("tbody tr")).toHaveCount(4);
  await expect(page.getByTestId("honesty-reps")).toContainText("Riley Chen");
});

test("the dashboard shows a manager the trend charts, loaded after the page", async ({ page }) => {
  await signIn(page, DEMO.manager);
  await page.goto("/dashboard");
  await expect(page.getByTestId("trends")).toBeVisible();
  // The charts arrive in their own chunk after the page; give a busy machine time to fetch it.
  for (const chart of ["trend-forecast", "trend-verdicts", "trend-stages", "trend-gaps"])
    await expect(page.getByTestId(chart)).toBeVisible({ timeout: 30_000 });
});

test("reps have no forecast honesty page or trends", async ({ page }) => {
  await signIn(page, DEMO.rep);
  await expect(page.getByRole("link", { name: "Forecast honesty" })).toHaveCount(0);
  const response = await page.goto("/forecast");
  expect(response?.status()).toBe(404);
  await page.goto("/dashboard");
  await expect(page.getByTestId("trends")).toHaveCount(0);
});
