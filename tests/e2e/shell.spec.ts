import { expect, test } from "./fixtures";
import { DEMO, signIn } from "./helpers";

test.describe.configure({ timeout: 120_000 });

test("on a phone the menu opens as a sheet, traps focus, closes on Escape and on navigation, and signs out", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await signIn(page, DEMO.rep);
  const button = page.getByTestId("menu-button");
  await expect(button).toHaveAttribute("aria-expanded", "false");
  await button.click();
  const menu = page.getByRole("dialog", { name: "Winnow" });
  await expect(menu).toBeVisible();
  await expect(button).toHaveAttribute("aria-expanded", "true");
  // Focus stays inside the sheet however far one tabs.
  for (let i = 0; i < 25; i++) await page.keyboard.press("Tab");
  expect(await menu.evaluate((el) => el.contains(document.activeElement))).toBe(true);
  await page.keyboard.press("Escape");
  await expect(menu).toBeHidden();
  await expect(button).toBeFocused();

  await button.click();
  await menu.getByRole("link", { name: "Pipeline" }).click();
  await expect(page).toHaveURL(/\/pipeline$/);
  await expect(menu).toBeHidden();

  await button.click();
  await menu.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/login/);
});

test("the colour scheme toggle applies at once and comes back from the server on the next load", async ({ page }) => {
  await signIn(page, DEMO.rep);
  const html = page.locator("html");
  await page.getByTestId("scheme-toggle").getByText("Dark").click();
  await expect(html).toHaveClass(/\bdark\b/);
  // The class is in the server's HTML, so the first paint is already dark.
  const served = await (await page.request.get("/dashboard")).text();
  expect(served).toMatch(/<html[^>]*class="dark"/);
  await page.reload();
  await expect(html).toHaveClass(/\bdark\b/);

  await page.getByTestId("scheme-toggle").getByText("System").click();
  await expect(html).not.toHaveClass(/\b(dark|light)\b/);
  expect(await (await page.request.get("/dashboard")).text()).not.toMatch(/<html[^>]*class="(dark|light)"/);
});

test("a skip link leads past the navigation, and a refused submit puts focus on the error summary", async ({ page }) => {
  await signIn(page, DEMO.rep);
  // A list page: a new-record form would put focus in its first field instead.
  await page.goto("/accounts");
  await page.keyboard.press("Tab");
  const skip = page.getByRole("link", { name: "Skip to content" });
  await expect(skip).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page.locator("main#main")).toBeFocused();

  await page.goto("/accounts/new");
  const form = page.getByTestId("account-form");
  await expect(form.getByLabel("Name")).toBeFocused();
  await form.getByRole("button", { name: /create|save/i }).click();
  await expect(form.getByTestId("error-summary")).toBeFocused();
  await expect(form.getByLabel("Name")).toHaveAttribute("aria-invalid", "true");
});
