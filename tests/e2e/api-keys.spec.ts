import { expect, test } from "./fixtures";
import { DEMO, signIn, unique } from "./helpers";

// Several page loads and API calls in one journey: give it room on a busy machine.
test.slow();

test("an admin creates an API key, sees it once, uses it, and revokes it", async ({ page, request }) => {
  await signIn(page, DEMO.admin);
  await page.goto("/settings/api-keys");
  const name = unique("Warehouse");
  await page.getByRole("textbox", { name: "Name", exact: true }).fill(name);
  await page.getByRole("combobox", { name: "Role", exact: true }).selectOption("manager");
  await page.getByRole("button", { name: "Create key" }).click();

  const tokenBox = page.getByTestId("new-api-key-token");
  await expect(tokenBox).toHaveValue(/^wnw_[A-Za-z0-9_-]{40,}$/);
  const token = await tokenBox.inputValue();
  const row = page.getByTestId("api-keys-table").getByRole("row").filter({ hasText: name });
  await expect(row).toContainText(token.slice(0, 12));
  await expect(page.getByTestId("api-keys-table")).not.toContainText(token);

  // The token works as a bearer key, and only as one.
  const listed = await request.get("/api/v1/opportunities?limit=2", { headers: { authorization: `Bearer ${token}` } });
  expect(listed.status()).toBe(200);
  expect(((await listed.json()) as { data: unknown[] }).data.length).toBeGreaterThan(0);
  expect((await request.get("/api/v1/opportunities", { headers: {} })).status()).toBe(401);

  // Shown once: after a reload only its prefix remains; the last-used time is recorded.
  await page.reload();
  await expect(page.getByTestId("new-api-key-token")).toHaveCount(0);
  await expect(page.locator("body")).not.toContainText(token);
  await expect(row).not.toContainText("Never");

  page.once("dialog", (dialog) => void dialog.accept());
  await row.getByRole("button", { name: `Revoke ${name}` }).click();
  await expect(row).toContainText("Revoked");
  expect((await request.get("/api/v1/opportunities", { headers: { authorization: `Bearer ${token}` } })).status()).toBe(401);
});

test("a rep has no API key settings and the API refuses cookies", async ({ page }) => {
  await signIn(page, DEMO.rep);
  const settings = await page.goto("/settings/api-keys");
  expect(settings?.status()).toBe(404);
  const viaCookie = await page.request.get("/api/v1/accounts");
  expect(viaCookie.status()).toBe(401);
});
