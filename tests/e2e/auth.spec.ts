import { expect, test } from "@playwright/test";
import { DEMO, signIn } from "./helpers";

test("every demo role can sign in and sign out", async ({ page }) => {
  for (const who of [DEMO.admin, DEMO.manager, DEMO.rep, DEMO.marketing]) {
    await signIn(page, who);
    await page.getByRole("button", { name: "Sign out" }).click();
    await expect(page).toHaveURL(/\/login/);
  }
});

test("a wrong password is refused with a clear message", async ({ page }) => {
  await page.goto("/login");
  await page.getByLabel("Email").fill(DEMO.rep.email);
  await page.getByLabel("Password").fill("wrong-password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByTestId("form-error")).toContainText("do not match");
  await expect(page).toHaveURL(/\/login/);
});

test("protected pages send anonymous visitors to sign in", async ({ page }) => {
  await page.goto("/opportunities");
  await expect(page).toHaveURL(/\/login/);
  await expect(page.getByRole("heading", { name: "Sign in to Winnow" })).toBeVisible();
});
