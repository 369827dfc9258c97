import { expect, test } from "@playwright/test";
import { signUpInNewContext } from "./support/signUpInNewContext";

test("Ctrl+K, a typo, arrows to a claim, Enter: the claim is selected in its map", async ({ browser }) => {
  test.setTimeout(120_000);
  const { page, mapUrl } = await signUpInNewContext(browser, "Sam Searcher", `sam-s-${Date.now()}@example.com`);
  const mapId = new URL(mapUrl).pathname.split("/").pop()!;

  // From the map list; the sample map's claims were projected when the copy was made.
  await page.goto("/maps");
  await page.keyboard.press("Control+k");
  const input = page.getByTestId("search-input");
  await expect(input).toBeFocused();
  await input.pressSequentially("extradtion", { delay: 20 });
  const results = page.getByTestId("search-results");
  await expect(results).toBeVisible();
  await expect(input).toHaveAttribute("aria-expanded", "true");
  const claimOption = results.locator('[data-testid="search-option"][data-kind="claim"]', { hasText: /^Cooperation: work with Mexico/ });
  await expect(claimOption).toHaveCount(1);
  // The typo'd word is still marked in the hit (as a <mark>, not as markup from the server).
  await expect(claimOption.locator("mark")).toHaveText(["extradition"]);

  // Arrow down until that option is the active descendant.
  const options = results.getByTestId("search-option");
  const target = await claimOption.getAttribute("id");
  for (let i = 0; i < (await options.count()) && (await input.getAttribute("aria-activedescendant")) !== target; i++) await input.press("ArrowDown");
  await expect(input).toHaveAttribute("aria-activedescendant", target!);
  await expect(claimOption).toHaveAttribute("aria-selected", "true");

  await input.press("Enter");
  await expect(page).toHaveURL(new RegExp(`/maps/${mapId}\\?claim=`));
  const claimId = new URL(page.url()).searchParams.get("claim")!;
  const row = page.locator(`li[data-claim-id="${claimId}"]`);
  await expect(row).toHaveAttribute("aria-selected", "true");
  await expect(row).toBeFocused();
  await expect(row).toContainText("Cooperation: work with Mexico");
  await expect(results).toBeHidden();

  // Escape closes the list; a second Escape clears the field.
  await page.keyboard.press("Control+k");
  await input.fill("cartel");
  await expect(results).toBeVisible();
  await input.press("Escape");
  await expect(results).toBeHidden();
  await input.press("Escape");
  await expect(input).toHaveValue("");
});
