import { expect as baseExpect, test, type Locator } from "@playwright/test";
import { signUpInNewContext } from "./support/signUpInNewContext";
import { selectInReader } from "./support/selectInReader";

const expect = baseExpect.configure({ timeout: 30_000 });

async function box(locator: Locator) {
  const b = await locator.boundingBox();
  if (!b) throw new Error("not rendered");
  return b;
}

test("the map page is a workspace: the side panel makes room, docks threads, resizes and is remembered", async ({ browser }, testInfo) => {
  const { page } = await signUpInNewContext(browser, "Wes Workspace", `wes-${Date.now()}@example.com`, { width: 1440, height: 900 });
  await expect(page.getByTestId("sync-status")).toHaveAttribute("data-status", "connected");
  const map = page.getByTestId("map-editor");
  const panel = page.getByTestId("side-panel");

  // Open by default at 1440 px, beside the map, never over it; the balance lives in it.
  await expect(panel).toBeVisible();
  await expect(panel.getByTestId("position-balance")).toBeVisible();
  const [mapBox, panelBox] = [await box(map), await box(panel)];
  expect(mapBox.x + mapBox.width).toBeLessThanOrEqual(panelBox.x);
  // Nothing above the map's first claim takes more than a compact header and one toolbar.
  const firstRow = page.getByTestId("claim-row").first();
  expect((await box(firstRow)).y).toBeLessThan(300);
  const rowsOnFirstScreen = await page.getByTestId("claim-row").evaluateAll((rows) => rows.filter((r) => r.getBoundingClientRect().top < window.innerHeight).length);
  testInfo.annotations.push({ type: "claims on the first screen at 1440×900", description: String(rowsOnFirstScreen) });
  expect(rowsOnFirstScreen).toBeGreaterThanOrEqual(4);
  await page.screenshot({ path: testInfo.outputPath("workspace-1440.png") });
  // Compact density: cards become one line, so more claims fit on the first screen.
  await page.getByTestId("density-toggle").click();
  await expect(page.getByTestId("density-toggle")).toHaveAttribute("aria-pressed", "true");
  const compactRows = await page.getByTestId("claim-row").evaluateAll((rows) => rows.filter((r) => r.getBoundingClientRect().top < window.innerHeight).length);
  testInfo.annotations.push({ type: "claims on the first screen at 1440×900, compact", description: String(compactRows) });
  expect(compactRows).toBeGreaterThan(rowsOnFirstScreen);
  await expect(page.getByTestId("evidence-card").first().locator('[data-part="quote"]')).toBeHidden();
  await page.screenshot({ path: testInfo.outputPath("workspace-1440-compact.png") });
  await page.getByTestId("density-toggle").click();

  // A thread opens docked in the panel: the outline keeps its width.
  await page.getByTestId("open-threads").click();
  const threads = page.getByTestId("thread-panel");
  await expect(threads).toBeVisible();
  const threadsBox = await box(threads);
  expect(threadsBox.x).toBeGreaterThanOrEqual(mapBox.x + mapBox.width);
  expect((await box(map)).width).toBeCloseTo(mapBox.width, 0);
  await page.getByTestId("thread-panel-close").click();

  // Resize from the keyboard: the map narrows by what the panel grows.
  const handle = page.getByTestId("side-panel-resize");
  await handle.focus();
  await page.keyboard.press("ArrowLeft");
  await page.keyboard.press("ArrowLeft");
  await expect.poll(async () => Math.round((await box(panel)).width)).toBe(Math.round(panelBox.width) + 40);
  await expect.poll(async () => Math.round((await box(map)).width)).toBe(Math.round(mapBox.width) - 40);

  // Closing gives the map the full width back; the choice and the width survive a reload.
  await page.getByTestId("side-panel-toggle").click();
  await expect(panel).toHaveCount(0);
  const fullWidth = (await box(map)).width;
  expect(fullWidth).toBeGreaterThan(mapBox.width + panelBox.width);
  await page.reload();
  await expect(page.getByTestId("sync-status")).toHaveAttribute("data-status", "connected");
  await expect(panel).toHaveCount(0);
  await page.getByTestId("side-panel-toggle").click();
  await expect.poll(async () => Math.round((await box(panel)).width)).toBe(Math.round(panelBox.width) + 40);
});

test("on a phone the panel starts closed, opens above the map, and the header fits", async ({ browser }) => {
  const { page } = await signUpInNewContext(browser, "Pia Phone", `pia-${Date.now()}@example.com`, { width: 390, height: 844 });
  await expect(page.getByTestId("sync-status")).toHaveAttribute("data-status", "connected");
  await expect(page.getByTestId("side-panel")).toHaveCount(0);
  // The header's last control is inside the viewport (nothing cut off).
  const signOut = page.getByRole("button", { name: "Sign out" });
  const b = await box(signOut);
  expect(b.x + b.width).toBeLessThanOrEqual(390);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await page.getByTestId("side-panel-toggle").click();
  const panel = page.getByTestId("side-panel");
  await expect(panel.getByTestId("position-balance")).toBeVisible();
  expect((await box(panel)).y).toBeLessThan((await box(page.getByTestId("claim-row").first())).y);
});

test("a card is cut from the reader beside the map, without leaving it; clicking a card opens its passage there", async ({ browser }) => {
  const { page } = await signUpInNewContext(browser, "Cora Cutter", `cora-${Date.now()}@example.com`, { width: 1440, height: 900 });
  await expect(page.getByTestId("sync-status")).toHaveAttribute("data-status", "connected");
  const mapUrl = page.url();

  // The reader opens in the side panel; the map stays beside it.
  await page.getByTestId("side-tab-reader").click();
  const reader = page.getByTestId("panel-reader");
  await expect(reader.getByTestId("source-reader")).toContainText("He emphasized building a wall.");
  const mapBox = await box(page.getByTestId("map-editor"));
  expect(mapBox.x + mapBox.width).toBeLessThanOrEqual((await box(reader)).x);

  // Cut "He emphasized building a wall." into an existing claim, found by search.
  await selectInReader(page, "He emphasized building a wall.");
  const popover = page.getByTestId("selection-popover");
  await popover.getByRole("button", { name: "Use as evidence for…" }).click();
  await popover.getByRole("radio", { name: "An existing claim" }).check();
  await popover.getByLabel("Find a claim").fill("national security threat");
  await popover.getByTestId("evidence-claim-option").first().click();
  await popover.getByRole("button", { name: "Add evidence" }).click();
  await expect(page.getByTestId("evidence-notice")).toContainText("Evidence card added");
  expect(page.url()).toBe(mapUrl);
  // The card is under its claim in the outline at once.
  const card = page.getByTestId("evidence-card").filter({ hasText: "He emphasized building a wall." });
  await expect(card).toHaveCount(1);

  // Back to the overview; a click on another card opens the reader at its passage, flashed.
  await page.getByTestId("side-tab-overview").click();
  const first = page.getByTestId("evidence-card").filter({ hasText: "push for FTO designation" });
  await first.click();
  expect(page.url()).toBe(mapUrl);
  await expect(page.getByTestId("side-tab-reader")).toHaveAttribute("aria-selected", "true");
  const passage = reader.locator("mark", { hasText: "push for FTO designation" }).first();
  await expect(passage).toBeInViewport();
  await expect(reader.locator("[class*=flash]")).toHaveCount(1);
});

test("an owner changes a member's role from the Share panel; the member's page follows live", async ({ browser }) => {
  test.setTimeout(180_000);
  const stamp = Date.now();
  const vic = await signUpInNewContext(browser, "Vic Viewer", `vic-${stamp}@example.com`);
  const olga = await signUpInNewContext(browser, "Olga Owner", `olga-${stamp}@example.com`);
  const share = olga.page.getByTestId("share-panel");
  await share.locator("summary").click();
  await olga.page.getByLabel("Email to share with").fill(`vic-${stamp}@example.com`);
  await olga.page.getByLabel("Role", { exact: true }).selectOption("viewer");
  await olga.page.getByRole("button", { name: "Share", exact: true }).click();
  await expect(share.getByLabel("Role of Vic Viewer")).toHaveValue("viewer");

  await vic.page.goto(olga.mapUrl);
  await expect(vic.page.getByTestId("sync-status")).toHaveAttribute("data-status", "connected");
  await expect(vic.page.getByTestId("read-only-notice")).toBeVisible();

  // No re-share by email: the member's own role control.
  await share.getByLabel("Role of Vic Viewer").selectOption("editor");
  await expect(share.getByLabel("Role of Vic Viewer")).toHaveValue("editor");
  await expect(vic.page.getByTestId("read-only-notice")).toHaveCount(0, { timeout: 30_000 });
  await expect(vic.page.getByTestId("map-editor")).toHaveAttribute("data-read-only", "false");

  // In Vic's list, Olga's copy of the sample is told from Vic's own by its owner's name.
  await vic.page.goto("/maps");
  await expect(vic.page.locator("li", { hasText: "Olga Owner's map" })).toHaveCount(1);
  await expect(vic.page.locator("li", { hasText: "Owner" }).filter({ hasNotText: "Olga" })).toHaveCount(1);
});

test("a double click on a row's delete button deletes one claim, not the next one too", async ({ browser }) => {
  const { page } = await signUpInNewContext(browser, "Dee Deleter", `dee-${Date.now()}@example.com`, { width: 1440, height: 900 });
  await expect(page.getByTestId("sync-status")).toHaveAttribute("data-status", "connected");
  // Two new cons without cards under the first position: rows of one height, one above the other.
  const position = page.locator('li[data-kind="position"]').first();
  const ids: string[] = [];
  for (const text of ["First to delete", "Must survive"]) {
    await position.getByTestId("claim-row").first().hover();
    await position.getByTestId("add-con").first().click();
    const editor = page.getByTestId("claim-editor");
    await expect(editor).toBeFocused();
    ids.push((await editor.getAttribute("data-claim-id"))!);
    await editor.pressSequentially(text);
    await page.keyboard.press("Escape");
  }
  const row = (id: string) => page.locator(`li[data-claim-id="${id}"]`).getByTestId("claim-row").first();
  const [upper, lower] = (await row(ids[0]).boundingBox())!.y < (await row(ids[1]).boundingBox())!.y ? ids : [ids[1], ids[0]];
  await row(upper).hover();
  // Two clicks 120 ms apart at one spot, as a person double-clicks: the lower row slides up
  // under the pointer after the first.
  const button = (await row(upper).getByTestId("delete-claim").boundingBox())!;
  const [x, y] = [button.x + button.width / 2, button.y + button.height / 2];
  await page.mouse.click(x, y);
  await page.waitForTimeout(120);
  await page.mouse.click(x, y);
  await expect(page.locator(`li[data-claim-id="${upper}"]`)).toHaveCount(0);
  await page.waitForTimeout(800);
  await expect(page.locator(`li[data-claim-id="${lower}"]`)).toHaveCount(1);
  // A deliberate later click still deletes.
  await row(lower).hover();
  await row(lower).getByTestId("delete-claim").click();
  await expect(page.locator(`li[data-claim-id="${lower}"]`)).toHaveCount(0);
});
