import { expect, test } from "./fixtures";
import { type Page } from "@playwright/test";
import { DEMO, pickInCombobox, signIn, unique } from "./helpers";

// One deal walks the whole journey, so the tests share it and run in order.
test.describe.configure({ mode: "serial" });

let dealUrl = "";
const company = unique("Gatekeeper Labs");

async function advance(page: Page, to: string) {
  const control = page.getByTestId("stage-control");
  await control.getByLabel("Move to").selectOption({ label: to });
  await control.getByTestId("advance-button").click();
}

test("a rep qualifies a new deal: evidence moves the scores, the gate blocks until it is met", async ({ page }) => {
  await signIn(page, DEMO.rep);

  // An account that fits Lumen's ICP, with a contact who will sit on the buying committee.
  await page.goto("/accounts/new");
  await page.getByLabel("Name").fill(company);
  await pickInCombobox(page, "Industry", "SaaS");
  await page.getByLabel("Employees").fill("350");
  await page.getByLabel("Region").selectOption("EMEA");
  await page.getByLabel("Funding stage").selectOption("Series B");
  await page.getByLabel("Tech stack").fill("Snowflake, dbt");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByRole("heading", { name: company })).toBeVisible();
  await page.getByText("Add a contact").click();
  const contactForm = page.getByTestId("contact-form");
  await contactForm.getByLabel("Name", { exact: true }).fill("Dana Whitfield");
  await contactForm.getByLabel("Title").fill("CFO");
  await contactForm.getByRole("button", { name: "Add contact" }).click();
  await expect(page.getByTestId("contact-list")).toContainText("Dana Whitfield");

  await page.getByRole("link", { name: "New opportunity" }).click();
  await expect(page.getByRole("heading", { name: "New opportunity" })).toBeVisible();
  await page.getByLabel("Name").fill(`${company} — Platform`);
  await page.getByLabel("Amount").fill("90000");
  await page.getByRole("button", { name: "Create opportunity" }).click();
  await expect(page.getByTestId("stage-badge")).toHaveText("Prospecting");
  dealUrl = new URL(page.url()).pathname;
  await expect(page.getByTestId("fit-score")).toContainText("90");

  // Prospecting → Discovery: the account fits, so the gate is open.
  await advance(page, "Discovery");
  await expect(page.getByTestId("stage-badge")).toHaveText("Discovery");

  // Discovery → Solution needs the pain: refused, named, nothing moves.
  await advance(page, "Solution");
  await expect(page.getByTestId("blocked-message")).toBeVisible();
  await expect(page.getByTestId("stage-control").getByTestId("blockers")).toContainText(/pain/i);
  await page.reload();
  await expect(page.getByTestId("stage-badge")).toHaveText("Discovery");
  await expect(page.getByTestId("intent-score")).toHaveText("0/100");

  // A discovery note gives the evidence: the scorecard updates as soon as it is saved.
  const form = page.getByTestId("evidence-note-form");
  await form.getByLabel("Discovery note").fill("Dana: finance reconciles three systems by hand every month-end.");
  await form.getByRole("button", { name: /Evidence from selection/ }).click();
  await pickInCombobox(form, "Criterion for evidence 1", "Identify pain");
  await pickInCombobox(form, "Who said it (evidence 1)", "Dana Whitfield");
  await form.getByLabel("Excerpt for evidence 1").fill("Finance reconciles three systems by hand");
  await form.getByRole("button", { name: "Save note" }).click();
  await expect(page.getByTestId("criterion-identify_pain").getByTestId("criterion-state")).toHaveText("Claimed");
  await expect(page.getByTestId("intent-score")).not.toHaveText("0/100");
  await expect(page.getByTestId("timeline")).toContainText("Identify pain: Unknown → Claimed");

  await advance(page, "Solution");
  await expect(page.getByTestId("stage-badge")).toHaveText("Solution");

  // Solution → Proposal needs an economic buyer on the committee, among others.
  await advance(page, "Proposal");
  const blockers = page.getByTestId("stage-control").getByTestId("blockers");
  await expect(blockers).toContainText("Economic buyer");
  const committee = page.getByTestId("committee-form");
  await pickInCombobox(committee, "Contact", "Dana Whit");
  await committee.getByLabel("Buying role").selectOption({ label: "Economic buyer" });
  await committee.getByRole("button", { name: "Add to committee" }).click();
  await expect(page.getByTestId("committee")).toContainText("Economic buyer");
  await advance(page, "Proposal");
  await expect(page.getByTestId("stage-control").getByTestId("blockers")).not.toContainText("Economic buyer not identified");
  await expect(page.getByTestId("stage-badge")).toHaveText("Solution");

  // A rep is never offered an override.
  await expect(page.getByRole("button", { name: "Override…" })).toHaveCount(0);
});

test("a manager overrides the blocked gate with a reason, and the timeline shows it", async ({ page }) => {
  expect(dealUrl).not.toBe("");
  await signIn(page, DEMO.manager);
  await page.goto(dealUrl);
  await advance(page, "Proposal");
  await expect(page.getByTestId("blocked-message")).toBeVisible();
  await page.getByRole("button", { name: "Override…" }).click();
  const override = page.getByTestId("override-form");
  await expect(override.getByLabel("Why let it through?")).toBeFocused();
  await override.getByLabel("Why let it through?").fill("Board-level sponsor; champion named on Friday's call");
  const nextWeek = new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 10);
  await override.getByLabel("Override expires on").fill(nextWeek);
  await override.getByRole("button", { name: "Override and move" }).click();
  await expect(page.getByTestId("stage-badge")).toHaveText("Proposal");
  await expect(page.getByTestId("stage-moved")).toBeFocused();
  const timeline = page.getByTestId("timeline");
  await expect(timeline.locator('[data-kind="stage"]').first()).toContainText("override");
  await expect(timeline.locator('[data-kind="stage"]').first()).toContainText("Board-level sponsor");
  await expect(timeline.locator('[data-kind="override"]').first()).toContainText("Board-level sponsor");
});
