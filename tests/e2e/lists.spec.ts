import fs from "node:fs";
import path from "node:path";
import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "./fixtures";
import { type Page } from "@playwright/test";
import { DEMO, pickInCombobox, signIn, unique } from "./helpers";

/** Where screenshots of the lists go when set (at 390 and 1440 px, light and dark); not part of the repository. */
const SHOTS = process.env.LISTS_SHOTS_DIR;

test.describe.configure({ timeout: 180_000 });

async function newDeal(page: Page, name: string) {
  await page.getByRole("link", { name: "New opportunity" }).click();
  await expect(page.getByRole("heading", { name: "New opportunity" })).toBeVisible();
  await page.getByLabel("Name").fill(name);
  // Opened from the account's page, the deal's account is already picked.
  await expect(page.getByRole("combobox", { name: "Account" })).toHaveText(name.split(" — ")[0] ?? name);
  await page.getByLabel("Amount").fill("12000");
  await page.getByRole("button", { name: "Create opportunity" }).click();
  await expect(page.getByRole("heading", { name })).toBeVisible();
  await page.goBack();
  await page.goBack();
}

test("a rep ticks two deals, reassigns them after confirming, and lands on the result", async ({ page }) => {
  await signIn(page, DEMO.rep);
  const accountName = unique("Bulk Corp");
  await page.goto("/accounts/new");
  await page.getByLabel("Name").fill(accountName);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByRole("heading", { name: accountName })).toBeVisible();
  await newDeal(page, `${accountName} — One`);
  await expect(page.getByRole("heading", { name: accountName })).toBeVisible();
  await newDeal(page, `${accountName} — Two`);

  await page.goto(`/opportunities?q=${encodeURIComponent(accountName)}`);
  const table = page.getByTestId("opportunities-table");
  await expect(table.getByTestId("data-row")).toHaveCount(2);
  await page.getByRole("checkbox", { name: `Select ${accountName} — One` }).check();
  await page.getByRole("checkbox", { name: `Select ${accountName} — Two` }).press("Space");
  await expect(page.getByTestId("bulk-bar")).toContainText("2 deals selected");
  await pickInCombobox(page, "New owner", DEMO.rep2.name);
  await page.getByRole("button", { name: "Reassign", exact: true }).click();
  const dialog = page.getByTestId("confirm-dialog");
  await expect(dialog).toContainText(`Reassign 2 deals to ${DEMO.rep2.name}?`);
  await dialog.getByRole("button", { name: "Reassign" }).click();

  const result = page.getByTestId("bulk-result");
  await expect(result).toHaveText(`Reassigned to ${DEMO.rep2.name}: 2 deals.`);
  await expect(result).toBeFocused();
  await expect(table.getByTestId("data-row").filter({ hasText: DEMO.rep2.name })).toHaveCount(2);
  // After the refresh the table still works: rows can be ticked again.
  await page.getByRole("checkbox", { name: `Select ${accountName} — One` }).check();
  await expect(page.getByTestId("bulk-bar")).toContainText("1 deal selected");

  // The owner filter is a searchable picker that applies at once, keeping the search.
  await pickInCombobox(page, "Owner", DEMO.rep.name);
  await expect(page).toHaveURL(/owner=/);
  await expect(page.getByText("No opportunities match these filters")).toBeVisible();
  await pickInCombobox(page, "Owner", DEMO.rep2.name);
  await expect(page.getByRole("combobox", { name: "Owner", exact: true })).toHaveText(DEMO.rep2.name);
  await expect(table.getByTestId("data-row")).toHaveCount(2);
  await page.reload();
  await expect(page.getByRole("combobox", { name: "Owner", exact: true })).toHaveText(DEMO.rep2.name);
  await expect(table.getByTestId("data-row")).toHaveCount(2);
});

test("filters apply as they change; a saved view brings back filters, sort and columns", async ({ page }) => {
  await signIn(page, DEMO.manager);
  await page.goto("/opportunities");
  await page.getByLabel("Status").selectOption("all");
  await expect(page).toHaveURL(/status=all/);
  await page.getByRole("link", { name: "Amount" }).click();
  await expect(page).toHaveURL(/sort=amount/);
  await page.getByTestId("column-menu").click();
  await page.getByRole("menuitemcheckbox", { name: "Updated" }).click();
  await page.keyboard.press("Escape");
  await expect(page.getByRole("columnheader", { name: "Updated" })).toHaveCount(0);
  await expect(page).toHaveURL(/hide=updated/);

  const name = unique("All by amount");
  await page.getByTestId("saved-views").click();
  await page.getByRole("menuitem", { name: "Save current view…" }).click();
  await page.getByLabel("View name").fill(name);
  await page.getByRole("button", { name: "Save view" }).click();
  await expect(page.getByTestId("saved-views")).toHaveText(`View: ${name}`);

  await page.goto("/opportunities");
  await expect(page.getByRole("columnheader", { name: "Updated" })).toBeVisible();
  await page.getByTestId("saved-views").click();
  await page.getByRole("menuitem", { name }).click();
  await expect(page).toHaveURL(/status=all/);
  await expect(page.getByLabel("Status")).toHaveValue("all");
  await expect(page.getByRole("columnheader", { name: "Updated" })).toHaveCount(0);
  await expect(page.getByRole("columnheader", { name: "Amount" })).toHaveAttribute("aria-sort", "ascending");

  // Typing filters after a pause, without an Apply button.
  await page.getByLabel("Search opportunities").fill("zz-no-such-deal");
  await expect(page).toHaveURL(/q=zz-no-such-deal/);
  await expect(page.getByText("No opportunities match these filters")).toBeVisible();
});

for (const { who, list, path: listPath } of [
  { who: DEMO.admin, list: "users", path: "/settings/users" },
  { who: DEMO.manager, list: "opportunities", path: "/opportunities" },
  { who: DEMO.manager, list: "leads", path: "/leads" },
  { who: DEMO.manager, list: "accounts", path: "/accounts" },
]) {
  test(`the ${list} list fits a 390 px phone and passes axe, light and dark`, async ({ page }) => {
    await signIn(page, who);
    await page.goto(listPath);
    for (const viewport of [
      { width: 390, height: 844 },
      { width: 1440, height: 900 },
    ]) {
      await page.setViewportSize(viewport);
      for (const scheme of ["light", "dark"] as const) {
        await page.emulateMedia({ colorScheme: scheme });
        await expect(page.locator("table").first()).toBeVisible();
        if (viewport.width === 390) expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
        // The list's own area: the shell's header is another engineer's (its ⌘K hint is checked by accessibility.spec.ts).
        const { violations } = await new AxeBuilder({ page }).include("main").analyze();
        const failing = violations
          .filter((v) => v.impact === "serious" || v.impact === "critical")
          .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(" | ")}`);
        expect.soft(failing, `${list} ${viewport.width} ${scheme}`).toEqual([]);
        if (SHOTS) {
          fs.mkdirSync(SHOTS, { recursive: true });
          await page.screenshot({ path: path.join(SHOTS, `${list}-${viewport.width}-${scheme}.png`) });
        }
      }
    }
  });
}
