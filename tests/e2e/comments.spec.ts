import { expect, test } from "@playwright/test";
import { signUpInNewContext } from "./support/signUpInNewContext";
import { selectInReader } from "./support/selectInReader";

test("a comment with a mention reaches the other member live; they reply; resolving clears the badge for both", async ({ browser }, testInfo) => {
  // Two browsers and a production server on a 2-core machine shared with other builds.
  test.setTimeout(240_000);
  const stamp = Date.now();
  const bob = await signUpInNewContext(browser, "Bob Builder", `bob-c-${stamp}@example.com`);
  const alice = await signUpInNewContext(browser, "Alice Asker", `alice-c-${stamp}@example.com`);

  // Alice shares her map with Bob as a commenter; Bob opens it.
  await alice.page.getByTestId("share-panel").locator("summary").click();
  await alice.page.getByLabel("Email to share with").fill(`bob-c-${stamp}@example.com`);
  await alice.page.getByLabel("Role", { exact: true }).selectOption("commenter");
  await alice.page.getByRole("button", { name: "Share", exact: true }).click();
  await expect(alice.page.getByTestId("share-panel")).toContainText("Bob Builder");
  await bob.page.goto(alice.mapUrl);
  for (const { page } of [alice, bob]) await expect(page.getByTestId("sync-status")).toHaveAttribute("data-status", "connected", { timeout: 30_000 });
  await expect(bob.page.getByTestId("inbox-unread")).toHaveCount(0);

  // Alice comments on a claim and mentions Bob through the autocomplete.
  const claimId = (await alice.page.locator('li[data-kind="claim"]').first().getAttribute("data-claim-id"))!;
  const row = (page: typeof alice.page) => page.locator(`li[data-claim-id="${claimId}"]`).getByTestId("claim-row").first();
  await row(alice.page).hover();
  await row(alice.page).getByTestId("claim-comments").click();
  const panel = alice.page.getByTestId("thread-panel");
  await expect(panel).toBeVisible();
  const input = panel.getByTestId("new-thread-input");
  await input.pressSequentially("Where is the evidence for this? @Bo", { delay: 10 });
  await expect(panel.getByTestId("mention-suggestions")).toContainText("@Bob Builder");
  await input.press("Enter");
  await input.pressSequentially("can you find a card?", { delay: 5 });
  await expect(input).toHaveValue("Where is the evidence for this? @Bob Builder can you find a card?");
  await panel.getByTestId("comment-submit").click();
  await expect(panel.getByTestId("comment-body")).toHaveText(["Where is the evidence for this? @Bob Builder can you find a card?"]);
  // The mention reads as a chip, not as typed text.
  await expect(panel.getByTestId("mention-chip")).toHaveText(["@Bob Builder"]);
  await expect(row(alice.page).getByTestId("claim-comments")).toHaveAttribute("data-count", "1");

  // Bob, without reloading, sees the claim's badge and the mention in his inbox.
  await expect(row(bob.page).getByTestId("claim-comments")).toHaveAttribute("data-count", "1", { timeout: 5000 });
  await expect(bob.page.getByTestId("inbox-unread")).toHaveText("1", { timeout: 5000 });
  await bob.page.getByTestId("inbox-bell").click();
  const entry = bob.page.getByTestId("inbox-entry").first();
  await expect(entry).toContainText("Alice Asker mentioned you");
  await expect(entry).toContainText("Where is the evidence for this?");
  const urlBefore = bob.page.url();
  await entry.locator("a").click();

  // The entry opens the thread in place (same page, no reload); Bob replies.
  const bobPanel = bob.page.getByTestId("thread-panel");
  await expect(bobPanel.getByTestId("comment-thread")).toHaveCount(1);
  expect(bob.page.url()).toBe(urlBefore);
  await expect(bob.page.getByTestId("inbox-unread")).toHaveCount(0);
  await bobPanel.getByTestId("reply-input").fill("Found one: the GAO report, paragraph 4.");
  await bobPanel.getByTestId("comment-submit").click();

  // Alice sees the reply live in her open panel, and a reply notice in her inbox.
  await expect(panel.getByTestId("comment-body")).toHaveText(["Where is the evidence for this? @Bob Builder can you find a card?", "Found one: the GAO report, paragraph 4."], {
    timeout: 5000,
  });
  await expect(alice.page.getByTestId("inbox-unread")).toHaveText("1", { timeout: 5000 });
  await alice.page.screenshot({ path: testInfo.outputPath("thread-panel.png") });

  // Bob resolves the thread: the badge is gone for both.
  await bobPanel.getByTestId("thread-resolve").click();
  await expect(bobPanel.getByTestId("comment-thread")).toHaveAttribute("data-resolved", "true");
  await expect(row(bob.page).getByTestId("claim-comments")).toHaveAttribute("data-count", "0");
  await expect(row(alice.page).getByTestId("claim-comments")).toHaveAttribute("data-count", "0", { timeout: 5000 });
  await expect(panel.getByTestId("comment-thread")).toHaveAttribute("data-resolved", "true");
  await expect(panel).toContainText("Resolved by Bob Builder");
  await bob.page.screenshot({ path: testInfo.outputPath("thread-resolved.png") });
});

test("a passage selected in the source reader gets a comment thread and a badge in the margin", async ({ browser }, testInfo) => {
  test.setTimeout(180_000);
  const { page } = await signUpInNewContext(browser, "Pat Passage", `pat-p-${Date.now()}@example.com`);
  const sourceHref = (await page.locator('a[href*="/sources/"]').first().getAttribute("href"))!.split("#")[0];
  await page.goto(sourceHref);
  await expect(page.getByTestId("sync-status")).toHaveAttribute("data-status", "connected", { timeout: 30_000 });
  await expect(page.getByTestId("passage-comments")).toHaveCount(0);

  const sentence = "Their operations are sophisticated and violent.";
  await selectInReader(page, sentence);
  await page.getByTestId("selection-popover").getByRole("button", { name: "Comment" }).click();
  const panel = page.getByTestId("thread-panel");
  await expect(panel).toContainText("Comments on this passage");
  await expect(panel.locator("blockquote")).toHaveText(sentence);
  await panel.getByTestId("new-thread-input").fill("Is “sophisticated” sourced anywhere else?");
  await panel.getByTestId("comment-submit").click();
  await expect(panel.getByTestId("comment-body")).toHaveText(["Is “sophisticated” sourced anywhere else?"]);

  const badge = page.getByTestId("passage-comments");
  await expect(badge).toHaveAttribute("data-count", "1");
  await page.screenshot({ path: testInfo.outputPath("passage-thread.png") });

  // After a reload the thread is still there, on the same words.
  await page.reload();
  await expect(page.getByTestId("passage-comments")).toHaveAttribute("data-count", "1", { timeout: 30_000 });
  await page.getByTestId("passage-comments").click();
  await expect(panel.getByTestId("comment-thread")).toContainText("Passage: “Their operations are sophisticated and violent.”");
  await panel.getByTestId("thread-resolve").click();
  await expect(page.getByTestId("passage-comments")).toHaveCount(0);
});
