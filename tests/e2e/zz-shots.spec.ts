import { test } from "@playwright/test";
import { signUpInNewContext } from "./support/signUpInNewContext";
for (const [w, h] of [[390, 844]]) {
  test(`shots ${w}`, async ({ browser }) => {
    test.setTimeout(120_000);
    const { page, mapUrl } = await signUpInNewContext(browser, "Shot Taker", `shot-${w}-${Date.now()}@example.com`, { width: w, height: h });
    await page.waitForTimeout(1500);
    await page.screenshot({ path: `/tmp/s28-map-${w}.png` });
    await page.getByTestId("search-input").click();
    await page.getByTestId("search-input").pressSequentially("cartel violence", { delay: 10 });
    await page.getByTestId("search-option").first().waitFor();
    await page.waitForTimeout(400);
    await page.screenshot({ path: `/tmp/s28-map-open-${w}.png` });
    await page.goto("/maps");
    await page.getByTestId("search-input").click();
    await page.getByTestId("search-input").pressSequentially("sovreignty", { delay: 10 });
    await page.getByTestId("search-option").first().waitFor();
    await page.waitForTimeout(400);
    await page.screenshot({ path: `/tmp/s28-list-open-${w}.png` });
    await page.goto(mapUrl);
    await page.waitForTimeout(500);
  });
}
