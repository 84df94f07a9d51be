import { expect, test } from "./fixtures";
import { DEMO, pickInCombobox, signIn, unique } from "./helpers";

test("a rep creates an account, an opportunity on it, logs a note, and sees them listed", async ({ page }) => {
  await signIn(page, DEMO.rep);
  const accountName = unique("Playwright Corp");
  const domain = `${accountName.split(" ").pop()}.example.com`;

  await page.getByRole("link", { name: "Accounts", exact: true }).click();
  await page.getByRole("link", { name: "New account" }).first().click();
  await expect(page.getByRole("heading", { name: "New account" })).toBeVisible();
  await page.getByLabel("Name").fill(accountName);
  await page.getByLabel("Domain").fill(domain);
  await pickInCombobox(page, "Industry", "SaaS");
  await page.getByLabel("Employees").fill("350");
  await page.getByLabel("Region").selectOption("EMEA");
  await page.getByRole("button", { name: "Create account" }).click();
  // Focus lands on the result of each action, not back at the top of the page.
  await expect(page.getByRole("heading", { name: accountName })).toBeFocused();

  await page.getByRole("link", { name: "New opportunity" }).click();
  await expect(page.getByRole("heading", { name: "New opportunity" })).toBeVisible();
  const dealName = `${accountName} — Pilot`;
  await page.getByLabel("Name").fill(dealName);
  await expect(page.getByRole("combobox", { name: "Account" })).toHaveText(accountName);
  await page.getByLabel("Amount").fill("42000");
  await page.getByLabel("Expected close date").fill("2027-06-30");
  await page.getByRole("button", { name: "Create opportunity" }).click();
  await expect(page.getByRole("heading", { name: dealName })).toBeFocused();

  await page.getByLabel("Discovery note").fill("Head of Data says month-end close takes nine days.");
  await page.getByRole("button", { name: "Save note" }).click();
  await expect(page.getByTestId("timeline")).toContainText("month-end close takes nine days");
  await expect(page.getByTestId("timeline").locator("> li").first()).toBeFocused();
  await expect(page.getByTestId("timeline").locator("> li").first()).toContainText("month-end close takes nine days");

  await page.getByRole("link", { name: "Opportunities", exact: true }).click();
  await page.getByLabel("Search opportunities").fill(accountName);
  await expect(page).toHaveURL(/[?&]q=/);
  await expect(page.getByTestId("opportunities-table")).toContainText(dealName);
  await expect(page.getByTestId("opportunities-table")).toContainText("$42,000");

  await page.getByRole("link", { name: "Accounts", exact: true }).click();
  await page.getByLabel("Search accounts").fill(accountName);
  await expect(page.getByTestId("accounts-table")).toContainText(accountName);
});

test("bad form input shows field errors and writes nothing", async ({ page }) => {
  await signIn(page, DEMO.rep);
  const accountName = unique("Invalid Inc");
  await page.goto("/accounts/new");
  await page.getByLabel("Name").fill(accountName);
  await page.getByLabel("Domain").fill("not a domain");
  await page.getByLabel("Employees").fill("-3");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByTestId("error-domain")).toHaveText("Enter a domain like example.com.");
  await expect(page.getByTestId("error-employeeCount")).toHaveText("Employee count must be at least 1.");
  // An invalid submit focuses the error summary, whose links lead to each field.
  await expect(page.getByTestId("error-summary")).toBeFocused();
  await expect(page).toHaveURL(/\/accounts\/new$/);

  await page.goto(`/accounts?q=${encodeURIComponent(accountName)}`);
  await expect(page.getByTestId("empty-state")).toBeVisible();

  await page.goto("/opportunities/new");
  await page.getByRole("button", { name: "Create opportunity" }).click();
  await expect(page.getByTestId("error-name")).toHaveText("Name is required.");
  await expect(page.getByTestId("error-accountId")).toBeVisible();
  await expect(page.getByTestId("error-amount")).toBeVisible();
});

test("lists sort and paginate on the server", async ({ page }) => {
  await signIn(page, DEMO.manager);
  await page.goto("/accounts?sort=employeeCount&dir=desc");
  const firstRow = page.getByTestId("accounts-table").locator("tbody tr").first();
  await expect(firstRow).toContainText("Halcyon Retail");
  await expect(page.getByTestId("list-total")).toHaveText(/^\d+ accounts$/);
  const firstPageNames = await page.getByTestId("accounts-table").locator("tbody tr td:first-child a").allTextContents();
  await page.getByRole("link", { name: "Next" }).click();
  await expect(page).toHaveURL(/after=/);
  const secondPageNames = await page.getByTestId("accounts-table").locator("tbody tr td:first-child a").allTextContents();
  expect(secondPageNames.length).toBeGreaterThan(0);
  expect(secondPageNames.filter((n) => firstPageNames.includes(n))).toEqual([]);
  await page.getByRole("link", { name: "Previous" }).click();
  await expect(page).toHaveURL(/before=/);
  await expect(firstRow).toContainText("Halcyon Retail");
  expect(await page.getByTestId("accounts-table").locator("tbody tr td:first-child a").allTextContents()).toEqual(firstPageNames);
});

test("saving a stale opportunity form says someone else changed it and overwrites nothing", async ({ page, context }) => {
  await signIn(page, DEMO.rep);
  // seed_opp_04 belongs to Riley; other specs never edit it.
  const editUrl = "/opportunities/seed_opp_04/edit";
  const other = await context.newPage();
  await page.goto(editUrl);
  await other.goto(editUrl);

  const firstName = unique("First save");
  await page.getByLabel("Name").fill(firstName);
  await page.getByRole("button", { name: "Save opportunity" }).click();
  await expect(page.getByRole("heading", { name: firstName })).toBeVisible();

  await other.getByLabel("Name").fill("Stale save");
  await other.getByRole("button", { name: "Save opportunity" }).click();
  await expect(other.getByTestId("error-summary")).toContainText("Someone else changed this opportunity");
  await expect(other.getByTestId("error-summary")).toBeFocused();
  await expect(other.getByRole("button", { name: "Reload the latest version" })).toBeVisible();

  await page.goto("/opportunities/seed_opp_04");
  await expect(page.getByRole("heading", { name: firstName })).toBeVisible();
});
