import { expect, test } from "@playwright/test";

// A password change revokes every session (lib/auth/sessionVersion.ts); the page signs in again
// so this browser stays signed in, while a second browser's session is gone.
test("changing the password keeps this browser signed in and signs the other one out; sign out everywhere ends both", async ({ page, browser }) => {
  const email = `e2e-sessions-${Date.now()}@example.com`;
  await page.goto("/signup");
  await page.getByLabel("Name").fill("Sam Session");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel(/Password/).fill("first password");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page).toHaveURL(/\/maps\/[^/]+$/);

  const other = await browser.newContext();
  const otherPage = await other.newPage();
  await otherPage.goto("/signin");
  await otherPage.getByLabel("Email").fill(email);
  await otherPage.getByLabel("Password").fill("first password");
  await otherPage.getByRole("button", { name: "Sign in" }).click();
  await expect(otherPage).toHaveURL(/\/maps$/);

  await page.goto("/profile");
  const form = page.getByTestId("password-form");
  await form.getByLabel("Current password").fill("first password");
  await form.getByLabel(/^New password/).fill("second password");
  await form.getByLabel("Repeat the new password").fill("second password");
  await form.getByRole("button", { name: "Change password" }).click();
  await expect(form.getByRole("status")).toHaveText("Password changed. Your other sessions were signed out.");
  await page.reload();
  await expect(page.getByRole("heading", { name: "Your profile" })).toBeVisible();
  await otherPage.goto("/profile");
  await expect(otherPage).toHaveURL(/\/signin/);

  await page.getByRole("button", { name: "Sign out everywhere" }).click();
  await expect(page).toHaveURL(/\/signin/);
  await page.goto("/profile");
  await expect(page).toHaveURL(/\/signin/);
  await other.close();
});
