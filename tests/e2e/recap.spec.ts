import { expect, test } from "./fixtures";
import { DEMO, pickInCombobox, signIn } from "./helpers";

const DEAL = "/opportunities/seed_opp_nine_click";
/** Set SHOTS_DIR to keep screenshots of the recap page (phone width) and the deal's recap panel. */
const SHOTS = process.env.SHOTS_DIR;

test("a buyer confirms two points and corrects one through the recap link; the rep's scorecard shows it", async ({ page, browser }) => {
  // Two browsers and several page loads on a busy 2-core box: generous, not tight.
  test.setTimeout(300_000);
  await signIn(page, DEMO.rep);
  await page.goto(DEAL);
  const panel = page.getByTestId("recap-panel");
  await pickInCombobox(panel, "Buyer contact", "Dana Ruiz");
  await panel.getByTestId("recap-edit-decision_process").fill("A two-week pilot, then Dana decides");
  if (SHOTS) await panel.screenshot({ path: `${SHOTS}/deal-recap-panel.png` });
  await panel.getByRole("button", { name: "Create recap link" }).click();
  const link = await panel.getByTestId("recap-link-value").inputValue();
  expect(link).toMatch(/\/recap\/[A-Za-z0-9_-]{43}$/);
  if (SHOTS) await panel.screenshot({ path: `${SHOTS}/deal-recap-link.png` });

  // The buyer: a separate browser, no session, a phone-sized screen.
  const buyerContext = await browser.newContext({ viewport: { width: 390, height: 844 } });
  const buyer = await buyerContext.newPage();
  await buyer.goto(new URL(link).pathname);
  await expect(buyer.getByRole("heading", { name: "Did we get this right?" })).toBeVisible();
  await expect(buyer.getByText("A two-week pilot, then Dana decides")).toBeVisible();
  await expect(buyer.getByText("Helix Freight — Enterprise rollout")).toHaveCount(0);
  if (SHOTS) await buyer.screenshot({ path: `${SHOTS}/recap-public-390.png`, fullPage: true });
  await buyer.getByTestId("recap-point-metrics").getByLabel("Yes, that's right").check();
  await buyer.getByTestId("recap-point-identify_pain").getByLabel("Yes, that's right").check();
  const decision = buyer.getByTestId("recap-point-decision_process");
  await decision.getByLabel("Needs a correction").check();
  await decision.getByLabel("What is right instead?").fill("Pilot first, then procurement, and our CEO signs");
  if (SHOTS) await buyer.screenshot({ path: `${SHOTS}/recap-public-390-answered.png`, fullPage: true });
  await buyer.getByRole("button", { name: /Send my answers/ }).click();
  await expect(buyer.getByTestId("recap-thanks")).toBeVisible();
  // The link works once.
  await buyer.reload();
  await expect(buyer.getByTestId("recap-answered")).toBeVisible();
  await buyerContext.close();

  await page.reload();
  await expect(page.getByTestId("criterion-metrics").getByTestId("criterion-state")).toHaveText("Verified");
  await expect(page.getByTestId("criterion-metrics").getByTestId("known-how")).toContainText("Confirmed by Dana Ruiz (Economic buyer), the buyer");
  await expect(page.getByTestId("criterion-identify_pain").getByTestId("known-how")).toContainText("Confirmed by Dana Ruiz");
  const corrected = page.getByTestId("criterion-decision_process");
  await expect(corrected.getByTestId("criterion-state")).toHaveText("Claimed");
  await expect(corrected).toContainText("Pilot first, then procurement, and our CEO signs");
  await expect(page.getByTestId("recap-row").first()).toHaveAttribute("data-status", "responded");
  await expect(page.getByTestId("timeline")).toContainText("Buyer Dana Ruiz corrected Decision process in a recap");
  if (SHOTS) await page.getByTestId("recap-panel").screenshot({ path: `${SHOTS}/deal-recap-list.png` });
});

test("a wrong recap link is a plain 404 for a stranger", async ({ browser }) => {
  const stranger = await (await browser.newContext()).newPage();
  const response = await stranger.goto(`/recap/${"x".repeat(43)}`);
  expect(response?.status()).toBe(404);
  await expect(stranger.getByTestId("not-found")).toBeVisible();
});
