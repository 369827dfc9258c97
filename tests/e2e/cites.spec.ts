import { expect as baseExpect, test } from "@playwright/test";
import { signUpInNewContext } from "./support/signUpInNewContext";

const expect = baseExpect.configure({ timeout: 30_000 });

const PAGE = `<!doctype html><html><head><title>Cooperation beats raids</title>
<meta name="author" content="Ana Ruiz"><meta property="og:site_name" content="Border Review">
<meta property="article:published_time" content="2025-01-20T08:00:00Z"></head>
<body><p>Joint task forces seized record amounts of fentanyl precursors last year.</p></body></html>`;

test("a file's cite pre-fills the add-source form, and cards carry short and full cites", async ({ browser }) => {
  const { page } = await signUpInNewContext(browser, "Cy Citer", `cy-cite-${Date.now()}@example.com`, { width: 1280, height: 1200 });

  // The sample article names no author or date: its cards say so instead of inventing them.
  const card = page.getByTestId("evidence-card").first();
  await expect(card.locator("strong")).toHaveText("no author n.d.");
  await expect(card).toContainText("[no author, n.d., “Trump's Stance on Mexican Cartels");

  await page.getByTestId("sources-panel").locator("summary").first().click();
  const form = page.getByTestId("add-source-form");
  await form.getByLabel("Author(s)").fill("Typed By Hand");
  await form.getByLabel(/^File/).setInputFiles({ name: "cooperation.html", mimeType: "text/html", buffer: Buffer.from(PAGE) });
  await expect(form.getByTestId("prefilled-cite")).toContainText("Filled in from the file: title, publisher, date.");
  await expect(form.getByLabel("Title *")).toHaveValue("Cooperation beats raids");
  await expect(form.getByLabel("Publisher")).toHaveValue("Border Review");
  await expect(form.getByLabel("Published")).toHaveValue("2025-01-20");
  // What the user typed stays.
  await expect(form.getByLabel("Author(s)")).toHaveValue("Typed By Hand");
  await form.getByLabel("Author(s)").fill("Ana Ruiz");
  await form.getByRole("button", { name: "Add source" }).click();
  await expect(page.getByTestId("add-source-done")).toContainText("Cooperation beats raids");
});

test("a card whose passage is gone from the new version is marked in the outline and the brief", async ({ browser }) => {
  const { page, mapUrl } = await signUpInNewContext(browser, "Stan Stale", `stan-${Date.now()}@example.com`, { width: 1280, height: 1200 });
  await expect(page.getByTestId("sync-status")).toHaveAttribute("data-status", "connected");
  const card = page.getByTestId("evidence-card").filter({ hasText: "FTO label opens the door" });
  await expect(card.getByTestId("stale-card")).toHaveCount(0);

  // Version 2 of the sample article without the sentence that card quotes.
  const text = await page.evaluate(async (url) => {
    const mapId = url.split("/maps/")[1];
    const sources = [...document.querySelectorAll<HTMLAnchorElement>(`a[href^="/maps/${mapId}/sources/"]`)].map((a) => a.getAttribute("href")!.split("/sources/")[1].split("#")[0]);
    const res = await fetch(`/api/maps/${mapId}/sources/${sources[0]}`);
    return ((await res.json()) as { text: string }).text;
  }, mapUrl);
  expect(text).toContain("He could again push for FTO designation.");
  await page.getByTestId("sources-panel").locator("summary").first().click();
  const coverage = page.getByTestId("source-coverage").first();
  await coverage.locator("summary").click();
  const importer = coverage.getByTestId("import-version");
  await importer.getByLabel("…or paste the new text").fill(text.replace(/He could again push for FTO designation\. This could lead to cross-border military operations\./, "He may change course entirely."));
  await importer.getByRole("button", { name: "Import and re-anchor" }).click();
  await expect(importer.getByRole("status")).toContainText("Version 2 imported");

  await page.reload();
  await expect(page.getByTestId("sync-status")).toHaveAttribute("data-status", "connected");
  await expect(card.getByTestId("stale-card")).toHaveText("v1 · passage changed in v2");
  // Other cards followed their passages into version 2.
  await expect(page.getByTestId("stale-card")).toHaveCount(1);

  await page.getByTestId("brief-link").click();
  const briefCard = page.getByTestId("brief-card").filter({ hasText: "FTO label opens the door" });
  await expect(briefCard.getByTestId("stale-card")).toContainText("Passage changed: this quote is from version 1; it was not found in version 2");
});
