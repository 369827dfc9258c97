import { expect, test } from "@playwright/test";

test("a newcomer signs up, lands on their copy of the sample map, and follows a card to the source", async ({ page }, testInfo) => {
  const email = `e2e-${Date.now()}@example.com`;
  // Signed out, the home page says what Claimboard is and offers the way in.
  await page.goto("/");
  await expect(page.getByRole("heading", { name: "Map the argument of a text, together." })).toBeVisible();
  await expect(page.getByRole("img", { name: /A Claimboard map/ })).toBeVisible();
  await expect(page.locator('link[rel="icon"]')).toHaveCount(1);
  await page.screenshot({ path: testInfo.outputPath("landing.png"), fullPage: true });
  await page.getByRole("link", { name: "Sign in" }).first().click();
  await expect(page).toHaveURL(/\/signin/);
  await page.screenshot({ path: testInfo.outputPath("signin.png"), fullPage: true });

  await page.getByRole("link", { name: "Create an account" }).click();
  await page.getByLabel("Name").fill("Eve Debater");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel(/Password/).fill("a strong password");
  await page.screenshot({ path: testInfo.outputPath("signup.png"), fullPage: true });
  await page.getByRole("button", { name: "Create account" }).click();

  // Straight onto the user's own copy of the sample map.
  await expect(page).toHaveURL(/\/maps\/[^/]+$/);
  const outline = page.getByTestId("map-outline");
  await expect(outline.getByText("How should the U.S. confront Mexican cartels?")).toBeVisible();
  await expect(outline.locator('[data-kind="position"]')).toHaveCount(2);
  await expect(outline.locator('[data-stance="con"]').first()).toBeVisible();
  const card = page.getByTestId("evidence-card").first();
  await expect(card).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath("map-outline.png"), fullPage: true });

  await page.getByRole("link", { name: "My maps" }).first().click();
  await expect(page.getByRole("heading", { name: "My maps" })).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath("map-list.png"), fullPage: true });
  await page.goBack();

  const quote = ((await card.locator("blockquote").textContent()) ?? "").trim();
  // A click opens the passage beside the map; a Ctrl/⌘-click (or the link itself) the reader page.
  await card.click();
  await expect(page.getByTestId("panel-reader").locator("mark", { hasText: quote.slice(0, 20) }).first()).toBeInViewport();
  await page.goto((await card.getAttribute("href"))!);
  await expect(page).toHaveURL(/\/sources\/[^#]+#citation-/);
  const reader = page.getByTestId("source-reader");
  await expect(reader).toBeVisible();
  const target = page.locator(":target");
  await expect(target).toBeVisible();
  await expect(target).toBeInViewport();
  // The highlighted passage holds the card's quote.
  const highlighted = await reader.locator("mark").allTextContents();
  expect(highlighted.join("")).toContain(quote.slice(0, 30));
  await page.screenshot({ path: testInfo.outputPath("source-reader.png"), fullPage: true });
});

test("a wrong password gets a clear message", async ({ page }) => {
  await page.goto("/signin");
  await page.getByLabel("Email").fill("demo@claimboard.local");
  await page.getByLabel("Password").fill("wrong password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "do not match" })).toBeVisible();
});

test("unknown maps give a 404 page", async ({ page }) => {
  await page.goto("/signin");
  await page.getByLabel("Email").fill("demo@claimboard.local");
  await page.getByLabel("Password").fill("demo-password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/maps$/);
  const response = await page.goto("/maps/no-such-map");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "Map not found" })).toBeVisible();
});
