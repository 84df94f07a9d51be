import { expect, test } from "./fixtures";
import { type Page } from "@playwright/test";
import { pickInCombobox, signIn, unique, waitForHydration } from "./helpers";

/** Full-page pictures of each step for a human to look at (test-results/ is not committed). */
const shot = (page: Page, name: string) => page.screenshot({ path: `test-results/shots-pipelines/${name}.png`, fullPage: true });

// Northwind's manager, so the Lumen pipeline the other journeys walk keeps a single pipeline.
const MANAGER = { email: "manager@northwind.demo", name: "Nina Walsh" };

test.setTimeout(300_000);

/** Creates an account and, from its page, a deal (in the pipeline named, else the form's default: the first); lands on the deal's page. */
async function newDeal(page: Page, company: string, pipeline?: string) {
  await page.goto("/accounts/new");
  await page.getByLabel("Name").fill(company);
  await pickInCombobox(page, "Industry", "Retail");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByRole("heading", { name: company })).toBeVisible();
  await page.getByRole("link", { name: "New opportunity" }).click();
  await page.getByLabel("Name").fill(`${company} — deal`);
  await page.getByLabel("Amount").fill("15000");
  if (pipeline) await page.getByLabel("Pipeline").selectOption({ label: pipeline });
  await page.getByRole("button", { name: "Create opportunity" }).click();
  await expect(page.getByTestId("stage-badge")).toHaveText("Prospecting");
}

test("a second pipeline with a small framework of its own gates its own deals, and the first pipeline's deals are unaffected", async ({ page }) => {
  await signIn(page, MANAGER);
  await page.goto("/settings/qualification");
  const firstFramework = await page.getByRole("heading", { name: /— framework:/ }).innerText();

  // A second pipeline, "Renewal …", selected once created.
  const renewal = unique("Renewal");
  const create = page.getByTestId("create-pipeline");
  await create.getByLabel("New pipeline").fill(renewal);
  await create.getByRole("button", { name: "Add pipeline" }).click();
  await expect(page.getByRole("heading", { name: `${renewal} — framework:` })).toBeVisible();
  await expect(page.getByTestId("pipelines-manager").getByRole("link", { name: renewal })).toHaveAttribute("aria-current", "page");

  // Its own framework, from scratch: two criteria.
  const builder = page.getByTestId("framework-builder");
  await waitForHydration(builder);
  await builder.getByRole("button", { name: "Scratch" }).click();
  await builder.getByLabel("Framework name").fill("Renewal check");
  for (const [i, id, label, question] of [
    [0, "churn_signal", "Churn signal", "What would make you leave?"],
    [1, "usage_health", "Usage health", "How many seats are active?"],
  ] as const) {
    await builder.getByRole("button", { name: "Add criterion" }).click();
    const criterion = builder.getByTestId(`criterion-${i}`);
    await criterion.getByLabel("Id", { exact: true }).fill(id);
    await criterion.getByLabel("Label", { exact: true }).fill(label);
    await criterion.getByLabel("Discovery questions (one per line)").fill(question);
  }
  await builder.getByRole("button", { name: "Save framework" }).click();
  await expect(page.getByRole("heading", { name: `${renewal} — framework: Renewal check` })).toBeVisible();

  // Its gate: leaving Prospecting needs the churn signal at least claimed.
  await waitForHydration(page.getByTestId("pipeline-form"));
  const prospecting = page.getByTestId("pipeline-form").getByTestId("stage-prospecting");
  await prospecting.getByRole("button", { name: "Add requirement" }).click();
  await prospecting.getByLabel("Kind of requirement").selectOption({ label: "Criterion evidence" });
  await prospecting.getByLabel("Criterion").selectOption({ label: "Churn signal" });
  await prospecting.getByRole("button", { name: "Add", exact: true }).click();
  await page.getByRole("button", { name: "Save pipeline" }).click();
  await expect(page.getByTestId("pipeline-form").getByTestId("unsaved")).toHaveCount(0);
  await expect(page.getByTestId("pipeline-form").getByTestId("stage-prospecting")).toContainText("Churn signal");
  await shot(page, "1-renewal-pipeline-setup");

  // A deal in the Renewal pipeline is held at Prospecting by that pipeline's own gate.
  await newDeal(page, unique("Renewco"), renewal);
  const control = page.getByTestId("stage-control");
  await control.getByLabel("Move to").selectOption({ label: "Discovery" });
  await control.getByTestId("advance-button").click();
  await expect(page.getByTestId("blocked-message")).toBeVisible();
  await expect(control.getByTestId("blockers")).toContainText("Churn signal");
  await shot(page, "2-renewal-deal-blocked");
  await page.reload();
  await expect(page.getByTestId("stage-badge")).toHaveText("Prospecting");

  // The first pipeline is as it was: its framework, and no gate on the Renewal pipeline's criteria.
  await page.goto("/settings/qualification");
  await expect(page.getByRole("heading", { name: /— framework:/ })).toHaveText(firstFramework);
  await expect(page.getByTestId("pipeline-form")).not.toContainText("Churn signal");

  // A deal in the first pipeline is never asked for the Renewal pipeline's criterion.
  await newDeal(page, unique("Firstco"));
  const first = page.getByTestId("stage-control");
  await first.getByLabel("Move to").selectOption({ label: "Discovery" });
  await first.getByTestId("advance-button").click();
  await expect(page.getByTestId("blocked-message").or(page.getByTestId("stage-badge").filter({ hasText: "Discovery" }))).toBeVisible();
  await expect(page.locator("main")).not.toContainText("Churn signal");
  await shot(page, "3-first-pipeline-deal");
});
