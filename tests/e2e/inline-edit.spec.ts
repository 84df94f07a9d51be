import { expect, test } from "@playwright/test";
import { DEMO, signIn, unique } from "./helpers";

test.describe.configure({ timeout: 180_000 });

test("a rep edits a deal's amount in the list: a refusal shows in place, Enter saves, focus returns to the cell, the value survives a reload", async ({
  page,
}) => {
  await signIn(page, DEMO.rep);
  const accountName = unique("Inline Corp");
  await page.goto("/accounts/new");
  await page.getByLabel("Name").fill(accountName);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByRole("heading", { name: accountName })).toBeVisible();
  const dealName = `${accountName} — Deal`;
  await page.getByRole("link", { name: "New opportunity" }).click();
  await page.getByLabel("Name").fill(dealName);
  await page.getByLabel("Amount").fill("12000");
  await page.getByRole("button", { name: "Create opportunity" }).click();
  await expect(page.getByRole("heading", { name: dealName })).toBeVisible();

  await page.goto(`/opportunities?q=${encodeURIComponent(accountName)}`);
  const table = page.getByTestId("opportunities-table");
  await expect(table.getByTestId("data-row")).toHaveCount(1);
  const cell = table.getByRole("button", { name: new RegExp(`^Edit amount of ${dealName}`) });
  await cell.click();
  const input = page.getByRole("spinbutton", { name: `Amount of ${dealName}` });
  await expect(input).toBeFocused();
  // Escape cancels and puts the focus back on the cell.
  await input.fill("1");
  await input.press("Escape");
  await expect(cell).toBeFocused();
  await expect(cell).toContainText("12,000");

  // A refused value is explained in place, next to the input, and nothing is saved.
  await cell.press("Enter");
  await input.fill("-5");
  await input.press("Enter");
  await expect(page.getByRole("alert").filter({ hasText: "cannot be negative" })).toBeVisible();
  await input.fill("34567");
  await input.press("Enter");
  await expect(cell).toContainText("34,567");
  await expect(cell).toBeFocused();

  await page.reload();
  await expect(table.getByRole("button", { name: new RegExp(`^Edit amount of ${dealName}`) })).toContainText("34,567");
});
