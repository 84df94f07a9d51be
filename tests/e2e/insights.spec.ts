import { expect, test } from "./fixtures";
import { DEMO, signIn, unique, waitForHydration } from "./helpers";

test("a manager sees forecast honesty on the seeded closed deals, with the count it rests on", async ({ page }) => {
  await signIn(page, DEMO.manager);
  await page.getByRole("link", { name: "Forecast honesty" }).click();
  await expect(page).toHaveURL(/\/forecast$/);
  await expect(page.getByTestId("honesty-basis")).toContainText(/Based on \d+ closed deals \(\d+ won, \d+ lost\)/);
  const basis = await page.getByTestId("honesty-basis").textContent();
  expect(Number(/Based on (\d+) closed deals/.exec(basis ?? "")?.[1])).toBeGreaterThanOrEqual(100);
  for (const predictor of ["stage", "rep", "adjusted"]) await expect(page.getByTestId(`brier-${predictor}`)).toHaveText(/^0\.\d{3}$/);
  await expect(page.getByTestId("calibration-chart")).toBeVisible();
  await expect(page.getByTestId("honesty-quarters").locator("tbody tr")).toHaveCount(4);
  await expect(page.getByTestId("honesty-reps")).toContainText("Riley Chen");
});

test("the dashboard shows a manager the trend charts, loaded after the page", async ({ page }) => {
  await signIn(page, DEMO.manager);
  await page.goto("/dashboard");
  await expect(page.getByTestId("trends")).toBeVisible();
  // The charts arrive in their own chunk after the page; give a busy machine time to fetch it.
  for (const chart of ["trend-forecast", "trend-verdicts", "trend-stages", "trend-gaps"])
    await expect(page.getByTestId(chart)).toBeVisible({ timeout: 30_000 });
});

test("reps have no forecast honesty page or trends", async ({ page }) => {
  await signIn(page, DEMO.rep);
  await expect(page.getByRole("link", { name: "Forecast honesty" })).toHaveCount(0);
  const response = await page.goto("/forecast");
  expect(response?.status()).toBe(404);
  await page.goto("/dashboard");
  await expect(page.getByTestId("trends")).toHaveCount(0);
});

test("a manager filters the dashboard by pipeline: a new, empty pipeline shows none of the other's deals", async ({ page }) => {
  // Five page loads on a busy machine.
  test.setTimeout(300_000);
  // Northwind's manager, and the pipeline is deleted again: Lumen's single pipeline, which other journeys walk, stays as seeded.
  await signIn(page, { email: "manager@northwind.demo", name: "Nina Walsh" });
  await page.goto("/settings/qualification");
  const name = unique("Expansion");
  const create = page.getByTestId("create-pipeline");
  // The form's one text field (its "New pipeline" label is not tied to the input, so it is not found by label).
  await create.getByRole("textbox").fill(name);
  await create.getByRole("button", { name: "Add pipeline" }).click();
  const listed = page.getByTestId("pipelines-manager").getByRole("link", { name: new RegExp(name) });
  await expect(listed).toBeVisible();

  await page.goto("/dashboard");
  const filters = page.getByRole("search", { name: "Filter the dashboard" });
  const open = page.getByTestId("stat-open-pipeline");
  const everything = (await open.textContent()) ?? "";
  expect(everything).not.toMatch(/\$0(?!\d|,)/);
  await filters.getByLabel("Pipeline").selectOption({ label: name });
  await filters.getByRole("button", { name: "Apply" }).click();
  await expect(page).toHaveURL(/[?&]pipeline=/);
  await expect(page.getByText(`No open deals in ${name}`)).toBeVisible();
  await expect(open).not.toHaveText(everything);
  await filters.getByLabel("Pipeline").selectOption({ label: "All pipelines" });
  await filters.getByRole("button", { name: "Apply" }).click();
  await expect(open).toHaveText(everything);

  await page.goto("/settings/qualification");
  // Pressed before the page runs in the browser, the link is a full load and the delete a lost click: the
  // pipeline editor hydrates last, so once it has, the rest of the page has too.
  await waitForHydration(page.getByTestId("pipeline-form"));
  await listed.click();
  await expect(listed).toHaveAttribute("aria-current", "page");
  await waitForHydration(page.getByTestId("pipeline-form"));
  await page.getByRole("button", { name: `Delete ${name}` }).click();
  await expect(listed).toHaveCount(0);
});
