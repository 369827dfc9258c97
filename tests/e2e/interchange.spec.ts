import fs from "node:fs";
import path from "node:path";
import { expect as baseExpect, test } from "@playwright/test";
import { signUpInNewContext } from "./support/signUpInNewContext";

// Generous waits: the machine this runs on is shared and often loaded (2 cores).
const expect = baseExpect.configure({ timeout: 30_000 });

test("a user imports an Argdown file from the map list, opens the map and exports it again", async ({ browser }) => {
  test.setTimeout(180_000);
  const { page } = await signUpInNewContext(browser, "Ida Importer", `ida-${Date.now()}@example.com`);
  await page.goto("/maps");

  // Keyboard: the summary, the file input, the format select and the button are real controls with labels.
  await page.getByText("Import map", { exact: true }).focus();
  await page.keyboard.press("Enter");
  await page.getByLabel("File", { exact: true }).setInputFiles(path.join(import.meta.dirname, "../fixtures/interchange/small.argdown"));
  await expect(page.getByRole("combobox", { name: "Format" })).toHaveValue("");
  await page.getByRole("combobox", { name: "Format" }).selectOption("argdown");
  await page.getByRole("button", { name: "Import", exact: true }).click();
  const report = page.getByTestId("import-report");
  await expect(report).toContainText("Imported 6 claims and 2 cross-links.");
  await expect(page.getByRole("link", { name: "Open the imported map" })).toBeFocused();
  await page.keyboard.press("Enter");

  await expect(page).toHaveURL(/\/maps\/[^/]+$/);
  await expect(page.getByTestId("sync-status")).toHaveAttribute("data-status", "connected");
  await expect(page.getByTestId("claim-row").filter({ hasText: "The tram would carry 40,000 riders a day." })).toBeVisible();

  await page.getByTestId("export-menu").locator("summary").click();
  const downloadPromise = page.waitForEvent("download");
  await page.getByTestId("export-argdown").click();
  const download = await downloadPromise;
  expect(download.suggestedFilename()).toBe("Tram line.argdown");
  const text = fs.readFileSync((await download.path())!, "utf8");
  expect(text).toContain('question: "Should the city build the tram line?"');
  expect(text).toContain("  + [Riders]: The tram would carry 40,000 riders a day.");
  expect(text).toContain("[Lifetime]\n  +> [Build]");
});
