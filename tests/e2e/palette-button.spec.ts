import { expect, test } from "./fixtures";
import { DEMO, signIn } from "./helpers";

test.describe.configure({ timeout: 120_000 });

test("on a phone the search button is a 40 px icon button in the header that opens the palette", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await signIn(page, DEMO.rep);
  const button = page.getByRole("banner").getByRole("button", { name: "Search…" });
  await expect(button).toBeVisible();
  const box = await button.boundingBox();
  expect(box?.width).toBeGreaterThanOrEqual(40);
  expect(box?.height).toBeGreaterThanOrEqual(40);
  // Icon only: the label is for screen readers, the shortcut hint belongs to the desktop sidebar.
  await expect(button.locator("kbd")).toBeHidden();
  if (process.env.SHOTS) await page.screenshot({ path: `${process.env.SHOTS}/palette-390.png` });
  await button.click();
  await expect(page.getByRole("dialog")).toBeVisible();
});
