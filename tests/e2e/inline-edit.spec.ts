import { expect, test } from "./fixtures";
import { DEMO, pickInCombobox, signIn, unique } from "./helpers";

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

test("a rep hands on their own deal from the deal page; the owner survives a reload, and a stale second try is refused in place", async ({
  browser,
}) => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, DEMO.rep);
  const accountName = unique("Owner Corp");
  await page.goto("/accounts/new");
  await page.getByLabel("Name").fill(accountName);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByRole("heading", { name: accountName })).toBeVisible();
  const dealName = `${accountName} — Deal`;
  await page.getByRole("link", { name: "New opportunity" }).click();
  await page.getByLabel("Name").fill(dealName);
  await page.getByLabel("Amount").fill("9000");
  await page.getByRole("button", { name: "Create opportunity" }).click();
  await expect(page.getByRole("heading", { name: dealName })).toBeVisible();
  const dealUrl = page.url();

  // A second tab of the same deal, still showing the rep as its owner.
  const stale = await context.newPage();
  await stale.goto(dealUrl);
  const owner = (p: typeof page) => p.getByRole("combobox", { name: `Owner of ${dealName}`, exact: true });
  await expect(owner(stale)).toHaveText(DEMO.rep.name);

  await expect(owner(page)).toHaveText(DEMO.rep.name);
  await pickInCombobox(page, `Owner of ${dealName}`, DEMO.rep2.name);
  // Handed on: the rep no longer owns it, so the page shows the owner as plain text.
  await expect(page.getByTestId("deal-inline-fields")).toHaveCount(0);
  await expect(page.getByText(DEMO.rep2.name).first()).toBeVisible();
  await page.reload();
  await expect(page.getByText(`· ${DEMO.rep2.name} ·`)).toBeVisible();

  await pickInCombobox(stale, `Owner of ${dealName}`, DEMO.manager.name);
  // The refusal is said in a toast: the page that comes back shows the owner as plain text, without the editor
  // (and its message in place), since the deal is no longer the rep's.
  await expect(stale.getByText(/^Not reassigned: /).last()).toBeVisible();
  await stale.reload();
  await expect(stale.getByText(`· ${DEMO.rep2.name} ·`)).toBeVisible();
  await context.close();
});

test("a manager reassigns a deal from the opportunities list; the new owner shows after a reload", async ({ page }) => {
  await signIn(page, DEMO.manager);
  await page.goto("/opportunities?sort=name&dir=asc");
  const table = page.getByTestId("opportunities-table");
  const picker = table.getByRole("combobox", { name: /^Owner of / }).first();
  const label = (await picker.getAttribute("aria-label")) ?? "";
  const before = (await picker.textContent())?.trim();
  const next = before === DEMO.rep2.name ? DEMO.rep.name : DEMO.rep2.name;
  await pickInCombobox(page, label, next);
  await expect(table.getByRole("combobox", { name: label, exact: true })).toHaveText(next);
  await page.reload();
  await expect(table.getByRole("combobox", { name: label, exact: true })).toHaveText(next);
});
