import { expect, test } from "@playwright/test";
import { selectInReader } from "./support/selectInReader";
import { signUpInNewContext } from "./support/signUpInNewContext";


test("a passage selected in the reader becomes evidence for a new con claim, live on the map", async ({ browser }, testInfo) => {
  const stamp = Date.now();
  const bob = await signUpInNewContext(browser, "Bob Viewer", `bob-ev-${stamp}@example.com`, { width: 1280, height: 1200 });
  const alice = await signUpInNewContext(browser, "Alice Author", `alice-ev-${stamp}@example.com`, { width: 1280, height: 1200 });

  await alice.page.getByTestId("share-panel").locator("summary").click();
  await alice.page.getByLabel("Email to share with").fill(`bob-ev-${stamp}@example.com`);
  await alice.page.getByLabel("Role", { exact: true }).selectOption("viewer");
  await alice.page.getByRole("button", { name: "Share", exact: true }).click();
  await expect(alice.page.getByTestId("share-panel")).toContainText("Bob Viewer");
  await bob.page.goto(alice.mapUrl);
  await expect(bob.page.getByTestId("sync-status")).toHaveAttribute("data-status", "connected");

  // Alice opens the source from the map and selects a sentence.
  const sourceHref = (await alice.page.locator('a[href*="/sources/"]').first().getAttribute("href"))!.split("#")[0];
  await alice.page.goto(sourceHref);
  await expect(alice.page.getByTestId("sync-status")).toHaveAttribute("data-status", "connected");
  const sentence = "Many believe his tough stance aimed to deter illegal drug trafficking.";
  await selectInReader(alice.page, sentence);
  const popover = alice.page.getByTestId("selection-popover");
  await expect(popover).toBeVisible();
  await expect(popover.getByRole("button", { name: "Comment" })).toBeEnabled();
  await popover.getByRole("button", { name: "Use as evidence for…" }).click();
  await popover.getByRole("radio", { name: "A new claim" }).check();
  const under = popover.getByLabel("Under");
  const positionValue = await under.locator("option", { hasText: "Position:" }).first().getAttribute("value");
  await under.selectOption(positionValue!);
  await popover.getByRole("radio", { name: "Con", exact: true }).check();
  await expect(popover.getByLabel("Claim text")).toHaveValue(sentence);
  const claimText = "A tough stance did not deter trafficking";
  await popover.getByLabel("Claim text").fill(claimText);
  await popover.getByLabel("Tag").fill("Deterrence was the stated aim");
  await popover.getByRole("button", { name: "Add evidence" }).click();
  await expect(alice.page.getByTestId("evidence-notice")).toContainText("Evidence card added");

  // The passage is highlighted as con in the reader.
  const marked = alice.page.getByTestId("source-reader").locator("mark", { hasText: "tough stance" });
  await expect(marked.first()).toBeVisible();
  await expect(marked.first()).toHaveClass(/con/);
  await alice.page.screenshot({ path: testInfo.outputPath("reader-after-evidence.png"), fullPage: false });

  // Bob sees the new con claim with its card live on the map.
  const row = bob.page.locator('li[data-stance="con"]', { hasText: claimText });
  await expect(row).toHaveCount(1, { timeout: 5000 });
  const card = row.getByTestId("evidence-card").first();
  await expect(card).toContainText("Deterrence was the stated aim");
  await expect(card.locator("blockquote")).toHaveText(sentence);
  await card.screenshot({ path: testInfo.outputPath("evidence-card.png") });
  await expect(card).toHaveAttribute("href", /\/maps\/[^/]+\/sources\/[^#]+#citation-/);

  // The card opens its passage in the reader beside the map; its link opens the reader page there.
  await card.click();
  await expect(bob.page.getByTestId("panel-reader").locator("mark", { hasText: "tough stance" }).first()).toBeInViewport();
  await bob.page.goto((await card.getAttribute("href"))!);
  await expect(bob.page).toHaveURL(/#citation-/);
  const target = bob.page.locator(":target");
  await expect(target).toBeVisible();
  await expect(target).toBeInViewport();
  await expect(target).toContainText("tough stance");
  // Bob is a viewer: the popover offers nothing he may not do.
  await selectInReader(bob.page, "Their operations are sophisticated and violent.");
  await expect(bob.page.getByTestId("selection-popover").getByRole("button", { name: "Use as evidence for…" })).toBeDisabled();
  await expect(bob.page.getByTestId("selection-popover").getByRole("button", { name: "Comment" })).toBeDisabled();
  await bob.page.screenshot({ path: testInfo.outputPath("reader-target.png"), fullPage: false });
});

test("an owner adds a source by pasting text, cites it, sees coverage, and imports a new version", async ({ browser }, testInfo) => {
  const { page, mapUrl } = await signUpInNewContext(browser, "Sam Sourcer", `sam-src-${Date.now()}@example.com`, { width: 1280, height: 1200 });
  const panel = page.getByTestId("sources-panel");
  await panel.locator("summary").first().click();
  const form = page.getByTestId("add-source-form");
  await form.getByLabel("Title *").fill("Field notes on cooperation");
  await form.getByLabel("Author(s)").fill("R. Analyst");
  await form.getByRole("radio", { name: "Paste text" }).check();
  const text = "Field notes\nJoint task forces seized record amounts of fentanyl precursors.\nUnilateral raids would end intelligence sharing overnight.\nA closing paragraph nobody cites.";
  await form.getByLabel("Text", { exact: true }).fill(text);
  await form.getByRole("button", { name: "Add source" }).click();
  await expect(page.getByTestId("add-source-done")).toContainText("Field notes on cooperation");
  const link = page.getByRole("link", { name: "Field notes on cooperation" }).first();
  await expect(link).toBeVisible();
  const sourceUrl = (await link.getAttribute("href"))!;

  // Cite a sentence of it for an existing claim, found by search.
  await page.goto(sourceUrl);
  await expect(page.getByTestId("sync-status")).toHaveAttribute("data-status", "connected");
  await selectInReader(page, "Unilateral raids would end intelligence sharing overnight.");
  const popover = page.getByTestId("selection-popover");
  await popover.getByRole("button", { name: "Use as evidence for…" }).click();
  await popover.getByRole("radio", { name: "An existing claim" }).check();
  await popover.getByLabel("Find a claim").fill("Cooperation");
  await popover.getByTestId("evidence-claim-option").first().click();
  await popover.getByRole("button", { name: "Add evidence" }).click();
  await expect(page.getByTestId("evidence-notice")).toContainText("Evidence card added");
  // Highlight two words inside the new card's quote.
  await selectInReader(page, "intelligence sharing");
  await popover.getByRole("button", { name: "Highlight" }).click();
  await expect(page.getByTestId("evidence-notice")).toContainText("Highlighted");

  // Coverage on the map page: one of four paragraphs cited.
  await page.goto(mapUrl);
  await expect(page.getByTestId("sync-status")).toHaveAttribute("data-status", "connected");
  await page.getByTestId("sources-panel").locator("summary").first().click();
  const coverage = page.locator(`[data-testid="source-coverage"]`, { hasText: "Field notes on cooperation" });
  await coverage.locator("summary").click();
  await expect(coverage.getByTestId("coverage-share")).toContainText("1 card");
  await expect(coverage.getByTestId("uncited-paragraphs").locator("li")).toHaveCount(3);
  await expect(page.getByTestId("unsupported-claims")).toBeVisible();
  await expect(page.locator("mark", { hasText: "intelligence sharing" }).first()).toBeVisible();
  await page.getByTestId("sources-panel").screenshot({ path: testInfo.outputPath("coverage-panel.png") });

  // A new version with an extra paragraph: the card follows its passage.
  const importer = coverage.getByTestId("import-version");
  await importer.getByLabel("…or paste the new text").fill("Preface added later.\n" + text);
  await importer.getByRole("button", { name: "Import and re-anchor" }).click();
  await expect(importer.getByRole("status")).toContainText("Version 2 imported: 1 card re-anchored");
  await page.goto(sourceUrl);
  await expect(page.locator("mark", { hasText: "Unilateral raids" }).first()).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath("reader-v2.png"), fullPage: true });
});
