import { expect, test } from "./fixtures";
import { DEMO, pickInCombobox, signIn } from "./helpers";

// The seeded $100k deal whose note says the economic buyer has not seen pricing; the tests share it, in order.
test.describe.configure({ mode: "serial" });
const DEAL = "/opportunities/seed_opp_nine_click";

test("the nine-click fake fails at the first Verify, with the proof it needs", async ({ page }) => {
  await signIn(page, DEMO.rep);
  await page.goto(DEAL);
  const intent = await page.getByTestId("intent-score").innerText();
  await page.getByRole("button", { name: "Verify Metrics" }).click();
  await page.getByTestId("verify-form-metrics").getByRole("button", { name: "Verify with this proof" }).click();
  await expect(page.getByTestId("verify-error")).toContainText("Metrics cannot be verified on your word alone");
  await page.reload();
  await expect(page.getByTestId("criterion-metrics").getByTestId("criterion-state")).toHaveText("Claimed");
  await expect(page.getByTestId("intent-score")).toHaveText(intent);
  await expect(page.getByTestId("gate-ready")).toHaveCount(0);
});

test("verified by the economic buyer's word shows how it is known, and flags words that contradict it", async ({ page }) => {
  await signIn(page, DEMO.rep);
  await page.goto(DEAL);
  await page.getByRole("button", { name: "Verify Economic buyer" }).click();
  const form = page.getByTestId("verify-form-economic_buyer");
  await pickInCombobox(form, "Who said it (Economic buyer)", "Dana Ruiz");
  await form.getByRole("button", { name: "Verify with this proof" }).click();
  const row = page.getByTestId("criterion-economic_buyer");
  await expect(row.getByTestId("criterion-state")).toHaveText("Verified");
  await expect(row.getByTestId("known-how")).toContainText("Stated by Dana Ruiz (Economic buyer)");
  await expect(row.getByTestId("contradiction")).toContainText("not … pricing");
});

test("engagement is logged as a dated activity, never in the future", async ({ page }) => {
  await signIn(page, DEMO.rep);
  await page.goto(DEAL);
  await page.getByTestId("committee").getByRole("button", { name: "Log engagement" }).first().click();
  const form = page.getByTestId("engaged-form");
  await form.getByLabel("How").selectOption("call");
  await form.getByLabel("What happened").fill("Walked Dana through the pricing proposal");
  await form.getByRole("button", { name: "Log engagement" }).click();
  await expect(page.getByTestId("timeline").locator('[data-kind="activity"]').first()).toContainText(
    "Call with Dana Ruiz: Walked Dana through the pricing proposal",
  );
});

test("the manager's review queue shows the contradicted verification; a challenge sends it back to claimed and tells the rep", async ({
  page,
  browser,
}) => {
  await signIn(page, DEMO.manager);
  await page.goto("/dashboard");
  const item = page.getByTestId("review-queue").locator("li", { hasText: "Helix Freight" }).filter({ hasText: "Economic buyer" });
  await expect(item).toContainText("not … pricing");
  await item.getByRole("button", { name: "Challenge" }).click();
  await item.getByLabel("Why challenge Economic buyer").fill("The note says Dana has not seen pricing: get her to confirm it");
  await item.getByRole("button", { name: "Send back to claimed" }).click();
  await expect(page.getByTestId("review-queue").locator("li", { hasText: "Helix Freight" }).filter({ hasText: "Economic buyer" })).toHaveCount(0);

  const rep = await (await browser.newContext()).newPage();
  await signIn(rep, DEMO.rep);
  await rep.goto(DEAL);
  const row = rep.getByTestId("criterion-economic_buyer");
  await expect(row.getByTestId("criterion-state")).toHaveText("Claimed");
  await expect(row.getByTestId("challenge")).toContainText("get her to confirm it");
  await expect(rep.getByTestId("timeline")).toContainText("Evidence challenged (Economic buyer)");
});
