import { expect, test } from "./fixtures";
import { DEMO, signIn } from "./helpers";

/**
 * The rep's core flow without the mouse: ⌘K/Ctrl+K finds the deal, the palette's "Log a note" puts the
 * keyboard in the note box, Alt+E turns the selected sentence into evidence, Ctrl+Enter saves, the stage
 * control advances, and the focus lands on the result each time.
 */
test("a rep finds a deal with Ctrl+K, logs a note with evidence and advances it, all by keyboard", async ({ page }) => {
  // A long journey (board, palette, deal page, note, advance) on a busy 2-core box.
  test.setTimeout(240_000);
  await signIn(page, DEMO.rep);

  // Setup only (not part of the flow): a Prospecting deal of the rep's whose gate is open, read off the board.
  await page.goto("/pipeline");
  const ready = page
    .getByTestId("column-prospecting")
    .getByTestId("deal-card")
    .filter({ has: page.locator('[data-gate="ready"]') })
    .filter({ has: page.getByTestId("card-menu") })
    .filter({ hasText: DEMO.rep.name })
    .first();
  await expect(ready).toBeVisible();
  const dealName = (await ready.getByRole("heading").innerText()).trim();
  const dealId = await ready.getAttribute("data-deal-id");

  // Find it.
  await page.keyboard.press("Control+k");
  const palette = page.getByTestId("command-palette");
  const search = palette.getByRole("combobox");
  await expect(search).toBeFocused();
  await page.keyboard.type(dealName.slice(0, 12));
  const hit = palette.getByRole("option", { name: new RegExp(dealName.slice(0, 12).replace(/[.*+?^${}()|[\]\\]/g, "\\$&")) }).first();
  await expect(hit).toHaveAttribute("aria-selected", "true");
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(new RegExp(`/opportunities/${dealId}$`));
  await expect(palette).toHaveCount(0);

  // Log a note: the palette's command puts the focus in the note box.
  await page.keyboard.press("Control+k");
  await page.keyboard.type("log a note");
  await expect(palette.getByRole("option", { name: "Log a note on this deal" })).toHaveAttribute("aria-selected", "true");
  await page.keyboard.press("Enter");
  const note = page.getByLabel("Discovery note");
  await expect(note).toBeFocused();
  await page.keyboard.type("Finance closes the books by hand every month and it takes nine days.");
  await page.keyboard.press("Shift+Home");
  await page.keyboard.press("Alt+e");
  const criterion = page.getByLabel("Criterion for evidence 1");
  await expect(criterion).toBeFocused();
  // The criterion picker is a combobox: Enter opens its search, Enter again takes the first criterion.
  await page.keyboard.press("Enter");
  await expect(page.locator("[cmdk-input]")).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(criterion).not.toHaveText("Criterion…");
  await expect(criterion).toBeFocused();
  await expect(page.getByLabel("Excerpt for evidence 1")).toHaveValue(/Finance closes the books by hand/);
  await page.keyboard.press("Control+Enter");
  await expect(page.getByText("Note saved with 1 piece of evidence")).toBeVisible();
  await expect(page.getByTestId("timeline")).toContainText("Finance closes the books by hand");

  // Advance: the stage control offers the next stage; the focus lands on where the deal went.
  const advance = page.getByTestId("advance-button");
  await advance.focus();
  await expect(advance).toHaveText(/Advance/);
  await page.keyboard.press("Enter");
  await expect(page.getByTestId("stage-moved")).toBeFocused();
  await expect(page.getByTestId("stage-moved")).toHaveText("Moved to Discovery.");
  await expect(page.getByTestId("stage-badge")).toHaveText("Discovery");

  // ? shows the shortcuts; Escape closes them.
  await page.keyboard.press("Shift+?");
  await expect(page.getByRole("dialog", { name: "Keyboard shortcuts" })).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(page.getByRole("dialog", { name: "Keyboard shortcuts" })).toHaveCount(0);
});

test("a role change is only drafted by the dropdown, and asks before it applies", async ({ page }) => {
  await signIn(page, DEMO.admin);
  await page.goto("/settings/users");
  const select = page.getByLabel(`Role of ${DEMO.rep2.name}`);
  await expect(select).toHaveValue("rep");
  await select.focus();
  await page.keyboard.press("ArrowDown");
  await expect(select).not.toHaveValue("rep");
  await page.reload();
  await expect(page.getByLabel(`Role of ${DEMO.rep2.name}`)).toHaveValue("rep");

  await page.getByLabel(`Role of ${DEMO.rep2.name}`).selectOption("manager");
  const save = page.getByRole("button", { name: "Save role" });
  await save.click();
  const dialog = page.getByRole("alertdialog", { name: `Change ${DEMO.rep2.name}'s role?` });
  await expect(dialog).toContainText("Sales rep to Sales manager");
  await expect(dialog.getByRole("button", { name: "Cancel" })).toBeFocused();
  await page.keyboard.press("Escape");
  await expect(dialog).toHaveCount(0);
  await expect(save).toBeFocused();
  await page.reload();
  await expect(page.getByLabel(`Role of ${DEMO.rep2.name}`)).toHaveValue("rep");
});
