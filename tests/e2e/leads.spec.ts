import { expect, test } from "./fixtures";
import { DEMO, signIn, unique } from "./helpers";

// Two whole journeys each (visitor + rep; upload, dry run, import): generous bounds for a busy machine.
test.describe.configure({ timeout: 120_000 });

test("a visitor fills the intake form without a session; the rep sees the lead with its verdict and converts it", async ({ browser }) => {
  const company = unique("Visitor Co");
  const slug = company.split(" ").pop()!.toLowerCase();
  const visitor = await browser.newContext({ viewport: { width: 390, height: 844 } });
  const page = await visitor.newPage();
  await page.goto("/intake/lumen");
  await expect(page.getByRole("heading", { name: "Talk to Lumen's team" })).toBeVisible();

  await page.getByRole("button", { name: "Send" }).click();
  await expect(page.getByTestId("error-name")).toBeVisible();
  await expect(page.getByTestId("error-answers.prompt")).toBeVisible();

  await page.getByLabel("Your name *").fill("Val Visitor");
  await page.getByLabel("Work email *").fill(`val@${slug}.example.com`);
  await page.getByLabel("Company *").fill(company);
  await page.getByLabel("Company website").fill(`${slug}.example.com`);
  await page.getByLabel("Number of employees").fill("900");
  await page.getByLabel("Industry").selectOption("SaaS");
  await page.getByLabel("Region").selectOption("North America");
  await page.getByLabel("What prompted you to look now? *").fill("Our board stopped trusting the numbers");
  await page.getByLabel("Within 3 months").check();
  await page.getByLabel("Yes, approved").check();
  await page.getByRole("button", { name: "Send" }).click();
  await expect(page.getByTestId("intake-thanks")).toBeVisible();
  await expect(page.getByTestId("intake-thanks")).not.toContainText(/fit|score|pursue|verdict/i);
  await visitor.close();

  const rep = await browser.newPage();
  await signIn(rep, DEMO.rep);
  await rep.goto(`/leads?q=${encodeURIComponent(company)}`);
  const row = rep.getByTestId("lead-row").filter({ hasText: company });
  await expect(row).toBeVisible();
  await expect(row.getByTestId("lead-verdict")).toHaveText("Pursue");
  await row.click();
  await rep.keyboard.press("a");
  await rep.getByRole("button", { name: "Convert to deal" }).click();
  await expect(rep.getByText("Converted: the deal is in your pipeline.")).toBeVisible();
  await rep.goto(`/opportunities?q=${encodeURIComponent(company)}`);
  await expect(rep.getByRole("link", { name: `${company} — new deal` })).toBeVisible();
});

test("marketing imports a CSV with two bad rows and sees the progress bar and the per-row report", async ({ page }) => {
  await signIn(page, DEMO.marketing);
  const tag = unique("imp").split(" ").pop()!;
  const csv = [
    "Name,Email,Company,Domain,Employees,Region",
    `Ann One,ann@${tag}-a.io,A ${tag},${tag}-a.io,300,EMEA`,
    `Bad Email,not-an-email,B ${tag},${tag}-b.io,300,EMEA`,
    `Cal Three,cal@${tag}-c.io,C ${tag},${tag}-c.io,300,EMEA`,
    `No Company,dee@${tag}-d.io,,${tag}-d.io,300,EMEA`,
    `Eve Five,eve@${tag}-e.io,E ${tag},${tag}-e.io,300,EMEA`,
  ].join("\n");
  await page.goto("/import");
  await page.getByLabel("The file holds").selectOption("leads");
  await page.getByLabel("CSV file").setInputFiles({ name: "leads.csv", mimeType: "text/csv", buffer: Buffer.from(csv) });
  await page.getByRole("button", { name: "Upload" }).click();
  await expect(page.getByTestId("mapping-form")).toBeVisible();
  await expect(page.getByLabel("Column for companyName")).toHaveValue("2");
  await page.getByRole("button", { name: "Dry run" }).click();
  await expect(page.getByTestId("import-progress")).toBeVisible();
  await expect(page.getByRole("progressbar")).toBeVisible();
  await expect(page.getByTestId("count-errors")).toContainText("2");
  await expect(page.getByTestId("count-created")).toContainText("3");
  await page.getByRole("button", { name: "Import 3 rows" }).click();
  await expect(page.getByText("Finished", { exact: true })).toBeVisible();
  await expect(page.getByTestId("count-created")).toContainText("Created");
  await expect(page.getByRole("progressbar")).toHaveAttribute("aria-valuenow", "100");
  const issues = page.getByTestId("import-issues");
  await expect(issues.getByRole("row")).toHaveCount(3);
  await expect(issues).toContainText("email: Enter a valid email address.");
  await expect(issues).toContainText("companyName: Company is required.");
  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: "Report CSV" }).click();
  expect((await download).suggestedFilename()).toMatch(/^import-report-.+\.csv$/);
});

test("on a 390 px phone the triage bar stays on top of the scrolled list and its buttons take clicks", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await signIn(page, DEMO.manager);
  await page.goto("/leads?status=all");
  const rows = page.getByTestId("lead-row");
  await expect(rows.nth(3)).toBeVisible();
  await rows.nth(3).scrollIntoViewIfNeeded();
  const bar = page.getByTestId("triage-bar");
  await expect(bar).toBeInViewport();
  // What is drawn at the bar's buttons is the bar itself, not a table cell scrolled under (or over) it.
  const nurture = bar.getByRole("button", { name: /Nurture/ });
  const onTop = async (target: typeof nurture) => {
    const box = await target.boundingBox();
    if (!box) return false;
    return page.evaluate(({ x, y, testId }) => Boolean(document.elementFromPoint(x, y)?.closest(`[data-testid="${testId}"]`)), {
      x: box.x + box.width / 2,
      y: box.y + 4,
      testId: "triage-bar",
    });
  };
  expect(await onTop(nurture)).toBe(true);
  await nurture.click();
  const reason = bar.getByLabel("Reason");
  await expect(reason).toBeFocused();
  await expect(bar.getByText(/^Not yet:/)).toBeInViewport();
  expect(await onTop(bar.getByText(/^Not yet:/))).toBe(true);
  await reason.press("Escape");
  await expect(bar.getByRole("button", { name: /Disqualify/ })).toBeVisible();
});

test("a parked deal whose date arrived says so in words and offers the next date, not the one that passed", async ({ page }) => {
  await signIn(page, DEMO.manager);
  // Reading the list runs the nurture pass first, so the seed's deal parked until three days ago is back.
  await page.goto("/nurture");
  await page.goto("/opportunities/seed_opp_09");
  const form = page.getByTestId("deal-nurture-form");
  await expect(form.getByTestId("deal-nurture-state")).toHaveText("Back for another look");
  await expect(form.getByText(/^Came back: Resume date [A-Z][a-z]{2} \d{1,2}, \d{4} arrived$/)).toBeVisible();
  await expect(form).not.toContainText(/\d{4}-\d{2}-\d{2}/);
  const resumeOn = await form.getByLabel("Resume on").inputValue();
  expect(resumeOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  expect(resumeOn > new Date().toISOString().slice(0, 10)).toBe(true);
  await expect(form.getByRole("button", { name: "Park again" })).toBeVisible();
});
