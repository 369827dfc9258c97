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
