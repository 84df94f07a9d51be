import { expect, test } from "./fixtures";
import { type Page } from "@playwright/test";
import { pickInCombobox, signIn, unique, waitForHydration } from "./helpers";

/** Full-page pictures of each step for a human to look at (test-results/ is not committed). */
const shot = (page: Page, name: string) => page.screenshot({ path: `test-results/shots-setup/${name}.png`, fullPage: true });

// Northwind's manager, so the Lumen pipeline the other journeys walk stays as seeded.
const MANAGER = { email: "manager@northwind.demo", name: "Nina Walsh" };

test.setTimeout(300_000);

test("a manager builds a small framework of their own, gates a stage on it, adds a stage, and a new deal meets that gate", async ({ page }) => {
  await signIn(page, MANAGER);
  await page.goto("/settings/qualification");

  // From scratch: one must-have criterion, previewed on a sample deal before saving.
  const builder = page.getByTestId("framework-builder");
  await waitForHydration(builder);
  await builder.getByRole("button", { name: "Scratch" }).click();
  await builder.getByLabel("Framework name").fill("Renewal lite");
  await builder.getByRole("button", { name: "Add criterion" }).click();
  const criterion = builder.getByTestId("criterion-0");
  await criterion.getByLabel("Id", { exact: true }).fill("renewal_risk");
  await criterion.getByLabel("Label", { exact: true }).fill("Renewal risk");
  await criterion.getByLabel("Discovery questions (one per line)").fill("What would stop you renewing?");
  await criterion.getByLabel("Economic buyer").check();
  const preview = builder.getByTestId("scorecard-preview");
  await expect(preview.getByTestId("preview-score")).toHaveText("0");
  await preview.getByLabel("Sample state of Renewal risk").selectOption("verified");
  await expect(preview.getByTestId("preview-score")).toHaveText("100");
  await shot(page, "1-builder-preview");

  // A bad id is refused on its field before anything is saved.
  await criterion.getByLabel("Weight", { exact: true }).fill("-2");
  await builder.getByRole("button", { name: "Save framework" }).click();
  await expect(builder.getByTestId("error-criteria.0.weight")).toBeVisible();
  await shot(page, "2-builder-field-error");
  await criterion.getByLabel("Weight", { exact: true }).fill("3");
  await builder.getByRole("button", { name: "Save framework" }).click();
  await expect(page.getByRole("heading", { name: "Framework: Renewal lite" })).toBeVisible();

  // The gate: leaving Prospecting needs the renewal risk at least claimed.
  await waitForHydration(page.getByTestId("pipeline-form"));
  const prospecting = page.getByTestId("pipeline-form").getByTestId("stage-prospecting");
  await prospecting.getByRole("button", { name: "Add requirement" }).click();
  await prospecting.getByLabel("Kind of requirement").selectOption({ label: "Criterion evidence" });
  await prospecting.getByLabel("Criterion").selectOption({ label: "Renewal risk" });
  await prospecting.getByRole("button", { name: "Add", exact: true }).click();
  const stages = page.getByTestId("stage-list-editor");
  const versionBefore = (await stages.getAttribute("data-version")) ?? "";
  await page.getByRole("button", { name: "Save pipeline" }).click();
  await expect(page.getByTestId("pipeline-form").getByTestId("unsaved")).toHaveCount(0);
  // The save bumps the settings version and the page's refresh then re-mounts the stage editor (its key carries
  // the version, which its own save sends back): a row added before that refresh lands would be wiped. (Waiting
  // for "networkidle" does not help: that is a state of the document's load, reached long before.)
  await expect(stages).not.toHaveAttribute("data-version", versionBefore);

  // A stage of its own, before the closed ones.
  await stages.getByRole("button", { name: "Add stage" }).click();
  const fresh = stages.getByRole("textbox", { name: /new: stage_/ });
  await fresh.fill("Renewal check");
  await stages.getByRole("button", { name: "Save stages" }).click();
  await expect(page.getByTestId("pipeline-form").getByTestId("stage-renewal_check")).toBeVisible();
  await shot(page, "3-setup-after-saves");

  // A new deal starts in Prospecting and its own gate holds it there.
  const company = unique("Renewco");
  await page.goto("/accounts/new");
  await page.getByLabel("Name").fill(company);
  await pickInCombobox(page, "Industry", "Retail");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByRole("heading", { name: company })).toBeVisible();
  await page.getByRole("link", { name: "New opportunity" }).click();
  await page.getByLabel("Name").fill(`${company} — Renewal`);
  await page.getByLabel("Amount").fill("12000");
  await page.getByRole("button", { name: "Create opportunity" }).click();
  await expect(page.getByTestId("stage-badge")).toHaveText("Prospecting");
  const control = page.getByTestId("stage-control");
  await control.getByLabel("Move to").selectOption({ label: "Discovery" });
  await control.getByTestId("advance-button").click();
  await expect(page.getByTestId("blocked-message")).toBeVisible();
  await expect(control.getByTestId("blockers")).toContainText("Renewal risk");
  await shot(page, "4-deal-blocked-by-own-gate");
  await page.reload();
  await expect(page.getByTestId("stage-badge")).toHaveText("Prospecting");
});
