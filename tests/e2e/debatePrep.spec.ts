import fs from "node:fs";
import path from "node:path";
import { expect as baseExpect, test } from "@playwright/test";
import { strFromU8, unzipSync } from "fflate";

// Generous waits: the machine this runs on is shared and often loaded (2 cores).
const expect = baseExpect.configure({ timeout: 30_000 });

/** Paragraphs of word/document.xml: style (e.g. "Heading1", "" for body text) and plain text. */
function docxParagraphs(bytes: Uint8Array): { style: string; text: string }[] {
  const xml = strFromU8(unzipSync(bytes, { filter: (f) => f.name === "word/document.xml" })["word/document.xml"]);
  const decode = (s: string) => s.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, "&");
  return [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map(([p]) => ({
    style: /<w:pStyle w:val="([^"]+)"/.exec(p)?.[1] ?? "",
    text: decode([...p.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join("")),
  }));
}

test("a debater rates a claim, swaps sides, reads the flow and takes the .docx brief into the round", async ({ browser }, testInfo) => {
  test.setTimeout(240_000);
  const stamp = Date.now();
  // Signs up like signUpInNewContext, with this file's longer waits.
  const page = await (await browser.newContext({ viewport: { width: 1280, height: 1400 } })).newPage();
  await page.goto("/signup");
  await page.getByLabel("Name").fill("Dana Debater");
  await page.getByLabel("Email").fill(`dana-${stamp}@example.com`);
  await page.getByLabel(/Password/).fill("a strong password");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page).toHaveURL(/\/maps\/[^/]+$/, { timeout: 60_000 });
  await expect(page.getByTestId("sync-status")).toHaveAttribute("data-status", "connected");

  // Every claim shows a strength bar; the FTO contention (a con under it) starts at 41%.
  const fto = page.getByTestId("claim-row").filter({ hasText: "An FTO designation gives the military" });
  const ftoBar = fto.getByTestId("strength-bar");
  await expect(ftoBar).toHaveAttribute("aria-valuenow", "41");
  await expect(fto.getByTestId("rating-stats")).toHaveText("unrated");
  expect(await page.getByTestId("strength-bar").count()).toBeGreaterThan(10);
  // Flags: the unanswered backfire attack says so.
  await expect(page.getByTestId("claim-row").filter({ hasText: "Military strikes risk backfiring" }).getByTestId("flag-unanswered")).toBeVisible();
  const affShare = Number(await page.getByTestId("balance-aff").getAttribute("data-share"));

  // Rate it 4 (very high impact): 1 × (1 − ½ × 0.375) = 81%, and the affirmative gains ground.
  await fto.getByTestId("rate-4").click();
  await expect(ftoBar).toHaveAttribute("aria-valuenow", "81");
  await expect(fto.getByTestId("rate-4")).toHaveAttribute("aria-pressed", "true");
  await expect(fto.getByTestId("rating-stats")).toHaveText("avg 4.0 · 1 rating");
  await expect.poll(async () => Number(await page.getByTestId("balance-aff").getAttribute("data-share"))).toBeGreaterThan(affShare);
  // The rating is stored: it is still there after a reload.
  await page.reload();
  await expect(fto.getByTestId("strength-bar")).toHaveAttribute("aria-valuenow", "81");
  await page.getByTestId("how-strength").locator("summary").click();
  await expect(page.getByTestId("how-strength")).toContainText("rating ÷ 4");
  await page.screenshot({ path: testInfo.outputPath("map-scores.png"), fullPage: false });

  // Swap sides on the map: cooperation becomes the affirmative.
  await expect(page.getByTestId("balance-aff-label")).toContainText("Direct intervention");
  await page.getByTestId("swap-sides").click();
  await expect(page.getByTestId("balance-aff-label")).toContainText("Cooperation");
  await expect(page.getByTestId("balance-neg-label")).toContainText("Direct intervention");

  // The flow: columns per speech, the unanswered attack marked dropped.
  await page.getByTestId("view-tab-flow").click();
  await expect(page.getByTestId("flow-column-1AC")).toContainText("Cooperation");
  await expect(page.getByTestId("flow-column-1NC")).toContainText("Direct intervention");
  const backfire = page.getByTestId("flow-entry").filter({ hasText: "Military strikes risk backfiring" });
  await expect(backfire).toHaveAttribute("data-dropped", "true");
  await expect(backfire.getByTestId("flow-dropped")).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath("flow-view.png"), fullPage: false });

  // The brief follows the stored sides; swapping back from the brief page restores the default.
  await page.getByTestId("view-tab-outline").click();
  await page.getByTestId("brief-link").click();
  await expect(page).toHaveURL(/\/brief$/);
  await expect(async () => {
    await page.reload();
    await baseExpect(page.locator("h1")).toContainText("Cooperation", { timeout: 2000 });
  }).toPass({ timeout: 30_000 });
  await page.getByTestId("brief-swap-sides").click();
  await expect(page.locator("h1")).toContainText("Direct intervention");
  // Rated 4, the FTO contention now leads the affirmative's contentions.
  await expect(page.locator("h3").filter({ hasText: /^Contention 1: / })).toContainText("An FTO designation");

  // Export .docx through the page (fetch with progress), as the browser saves it.
  const downloadPromise = page.waitForEvent("download");
  await page.getByTestId("brief-download-docx").click();
  const download = await downloadPromise;
  expect(download.suggestedFilename()).toBe("U.S. vs. Mexican cartels intervene or cooperate - Aff brief.docx");
  await expect(page.getByTestId("brief-download-docx-status")).toContainText("Saved");
  await expect(page.getByTestId("brief-download-docx-status")).toHaveAttribute("title", download.suggestedFilename());
  const file = testInfo.outputPath("brief.docx");
  await download.saveAs(file);
  const paragraphs = docxParagraphs(new Uint8Array(fs.readFileSync(file)));
  const headings = (style: string) => paragraphs.filter((p) => p.style === style).map((p) => p.text);
  expect(headings("Heading1")).toEqual([expect.stringMatching(/^Affirmative: Direct intervention/)]);
  expect(headings("Heading2")).toEqual(["Our position", "Contentions", "Answers to their attacks", "Off-case: attacks on their position"]);
  expect(headings("Heading3").find((h) => h.startsWith("Contention 1: "))).toMatch(/^Contention 1: An FTO designation/);
  // One card, exactly as the page shows it: tag heading, then the quote paragraph.
  const card = page.getByTestId("brief-card").first();
  const tag = (await card.locator("div").first().textContent())!;
  const quote = (await card.locator("blockquote").textContent())!;
  expect(quote.length).toBeGreaterThan(40);
  const at = paragraphs.findIndex((p) => p.style === "Heading4" && p.text === tag);
  expect(at).toBeGreaterThanOrEqual(0);
  expect(paragraphs.slice(at + 1, at + 3).map((p) => p.text)).toContain(quote);

  // The printable page, as it prints.
  await page.emulateMedia({ media: "print" });
  await page.screenshot({ path: path.join("docs", "brief-page.png"), fullPage: false });
  await page.screenshot({ path: testInfo.outputPath("brief-print.png"), fullPage: false });
  await page.emulateMedia({ media: "screen" });
});
