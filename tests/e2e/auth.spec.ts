import { expect, test } from "./fixtures";
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

test("an admin adds a colleague, who can then sign in; other roles do not see user management", async ({ page }) => {
  const email = `new.rep.${Date.now()}@lumen.demo`;
  await signIn(page, DEMO.admin);
  await page.getByRole("link", { name: "Users", exact: true }).click();
  const form = page.getByTestId("new-user-form");
  await form.getByLabel("Name").fill("Nora New");
  await form.getByLabel("Email").fill(email);
  await form.getByLabel("Role").selectOption("rep");
  await form.getByLabel("Initial password").fill("a-long-initial-password");
  await form.getByRole("button", { name: "Add user" }).click();
  await expect(page.getByTestId("users-table")).toContainText(email);
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/login/);

  await signIn(page, { email, name: "Nora New" }, "a-long-initial-password");
  await expect(page.getByRole("link", { name: "Users", exact: true })).toHaveCount(0);
  const response = await page.goto("/settings/users");
  expect(response?.status()).toBe(404);
});
