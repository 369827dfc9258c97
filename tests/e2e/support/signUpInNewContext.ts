import { expect, type Browser, type Page } from "@playwright/test";

/** Signs a new user up in a fresh browser context; they land on their copy of the sample map. */
export async function signUpInNewContext(
  browser: Browser,
  name: string,
  email: string,
  viewport = { width: 1280, height: 1400 },
): Promise<{ page: Page; mapUrl: string }> {
  const context = await browser.newContext({ viewport });
  const page = await context.newPage();
  await page.goto("/signup");
  await page.getByLabel("Name").fill(name);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel(/Password/).fill("a strong password");
  await page.getByRole("button", { name: "Create account" }).click();
  // Sign-up hashes a password and copies the sample map: slow on a loaded machine.
  await expect(page).toHaveURL(/\/maps\/[^/]+$/, { timeout: 30_000 });
  return { page, mapUrl: page.url() };
}
