import { expect, test, type Page } from "@playwright/test";
import { signUpInNewContext } from "./support/signUpInNewContext";


/** The id of the claim a row sits under (its parent row), read from the DOM. */
async function parentIdOf(page: Page, claimId: string): Promise<string | null> {
  return page.locator(`li[data-claim-id="${claimId}"]`).evaluate((li) => li.parentElement?.closest("li[data-claim-id]")?.getAttribute("data-claim-id") ?? null);
}

test("two users edit one map live: add, type, see the caret, re-parent, reload, graph", async ({ browser }, testInfo) => {
  const stamp = Date.now();
  const bob = await signUpInNewContext(browser, "Bob Rebuttal", `bob-${stamp}@example.com`);
  const alice = await signUpInNewContext(browser, "Alice Affirmative", `alice-${stamp}@example.com`);

  // Alice shares her map with Bob as an editor; Bob opens it.
  await alice.page.getByTestId("share-panel").locator("summary").click();
  await alice.page.getByLabel("Email to share with").fill(`bob-${stamp}@example.com`);
  await alice.page.getByLabel("Role", { exact: true }).selectOption("editor");
  await alice.page.getByRole("button", { name: "Share", exact: true }).click();
  await expect(alice.page.getByTestId("share-panel")).toContainText("Bob Rebuttal");
  await bob.page.goto(alice.mapUrl);

  for (const { page } of [alice, bob]) {
    await expect(page.getByTestId("sync-status")).toHaveAttribute("data-status", "connected");
  }
  await expect(alice.page.getByTestId("presence-avatar")).toHaveCount(2);

  // Alice adds a con under the first position and types in it.
  const position = alice.page.locator('li[data-kind="position"]').first();
  const positionId = (await position.getAttribute("data-claim-id"))!;
  await position.getByTestId("claim-row").first().hover();
  await position.getByTestId("add-con").first().click();
  const editor = alice.page.getByTestId("claim-editor");
  await expect(editor).toBeFocused();
  const claimId = (await editor.getAttribute("data-claim-id"))!;
  const text = "Cartels adapt faster than any strike campaign can hit them";
  await editor.pressSequentially(text, { delay: 15 });

  // Bob sees the new con and its text within a second, marked as being edited by Alice.
  const bobRow = bob.page.locator(`li[data-claim-id="${claimId}"]`);
  await expect(bobRow).toHaveAttribute("data-stance", "con", { timeout: 1000 });
  await expect(bobRow.getByTestId("claim-row").first()).toContainText(text, { timeout: 1000 });
  await expect(bobRow.getByTestId("claim-row").first()).toHaveAttribute("data-editing-by", "Alice Affirmative");

  // Bob opens the same claim and sees Alice's caret with her name.
  await bobRow.getByTestId("claim-row").first().hover();
  await bobRow.getByTestId("edit-claim").first().click();
  const caret = bob.page.locator(".collaboration-carets__caret");
  await expect(caret).toBeVisible();
  await expect(bob.page.locator(".collaboration-carets__label")).toHaveText("Alice Affirmative");
  await bob.page.screenshot({ path: testInfo.outputPath("outline-caret.png"), fullPage: false });
  await bob.page.keyboard.press("Escape");

  // Bob re-parents the claim: indent it under the claim above it.
  const siblingsBefore = await bob.page
    .locator(`li[data-claim-id="${positionId}"] > ul > li[data-claim-id]`)
    .evaluateAll((lis) => lis.map((li) => li.getAttribute("data-claim-id")));
  const newParent = siblingsBefore[siblingsBefore.indexOf(claimId) - 1]!;
  await bobRow.focus();
  await bob.page.keyboard.press("Tab");
  await expect.poll(() => parentIdOf(bob.page, claimId)).toBe(newParent);
  // Alice sees the move.
  await expect.poll(() => parentIdOf(alice.page, claimId), { timeout: 2000 }).toBe(newParent);

  // Both reload: the same map, with the claim text and its new parent.
  await alice.page.keyboard.press("Escape");
  for (const { page } of [alice, bob]) {
    await page.reload();
    await expect(page.getByTestId("sync-status")).toHaveAttribute("data-status", "connected");
    await expect(page.locator(`li[data-claim-id="${claimId}"]`).getByTestId("claim-row").first()).toContainText(text);
    expect(await parentIdOf(page, claimId)).toBe(newParent);
  }
  const outlineOf = (page: Page) =>
    page.locator("li[data-claim-id]").evaluateAll((lis) =>
      lis.map((li) => `${li.getAttribute("data-claim-id")}<${li.parentElement?.closest("li[data-claim-id]")?.getAttribute("data-claim-id") ?? ""}`),
    );
  expect(await outlineOf(alice.page)).toEqual(await outlineOf(bob.page));
  await alice.page.screenshot({ path: testInfo.outputPath("outline.png"), fullPage: true });

  // The graph view shows the new claim.
  await alice.page.getByRole("tab", { name: "Graph" }).click();
  const graphNode = alice.page.getByTestId("map-graph").locator(`[data-claim-id="${claimId}"]`);
  await expect(graphNode).toHaveCount(1);
  await expect(graphNode).toContainText("Cartels adapt faster");
  await alice.page.screenshot({ path: testInfo.outputPath("graph.png"), fullPage: false });
});
