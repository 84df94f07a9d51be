import { expect, type Locator, type Page } from "@playwright/test";

export const DEMO_PASSWORD = "winnow-demo";

export const DEMO = {
  admin: { email: "admin@lumen.demo", name: "Ada Admin" },
  manager: { email: "manager@lumen.demo", name: "Morgan Lee" },
  rep: { email: "rep@lumen.demo", name: "Riley Chen" },
  rep2: { email: "rep2@lumen.demo", name: "Sam Ortiz" },
  marketing: { email: "marketing@lumen.demo", name: "Maya Patel" },
  northwindRep: { email: "rep@northwind.demo", name: "Noah Wright" },
} as const;

export async function signIn(page: Page, who: { email: string; name: string }, password = DEMO_PASSWORD) {
  await page.goto("/login");
  await page.getByLabel("Email").fill(who.email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByTestId("current-user")).toHaveText(who.name);
}

/** A name no other run or test will have used. */
export function unique(prefix: string): string {
  return `${prefix} ${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`;
}

/**
 * Picks a value in a searchable combobox (record pickers, industry) by keyboard, as a user would: open it,
 * type, and take the first match with Enter. Free-text comboboxes take the typed text when nothing matches.
 */
export async function pickInCombobox(scope: Page | Locator, label: string, typed: string) {
  const page = "page" in scope ? scope.page() : scope;
  await scope.getByRole("combobox", { name: label, exact: true }).click();
  const search = page.locator("[cmdk-input]");
  await search.fill(typed);
  // Enter takes the highlighted item: wait until the list has caught up with the typing (under load it can still
  // show the unfiltered list, or an earlier search's hits, whose first item is often the current value).
  const typedText = new RegExp(typed.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"), "i");
  await expect(page.locator("[cmdk-item]").first()).toContainText(typedText);
  await search.press("Enter");
  await expect(search).toBeHidden();
}

/**
 * Waits until an editor that hydrates after the page's first load (`data-hydrated`, see `useHydrationGate`) runs in the
 * browser: a press before that lands on the server's markup, and on a slow machine it is lost.
 */
export async function waitForHydration(editor: Locator) {
  await expect(editor).toHaveAttribute("data-hydrated", "true");
}
