import { expect, test, type BrowserContext } from "@playwright/test";
import WebSocket from "ws";
import * as Y from "yjs";
import { WebsocketProvider } from "y-websocket";
import { addClaim } from "../../lib/argument";
import { MessageType } from "../../lib/collab/messageTypes";
import { signUpInNewContext } from "./support/signUpInNewContext";

/** A y-websocket client in the test process that rides a browser context's session cookie. */
async function socketAs(context: BrowserContext, baseURL: string, mapId: string): Promise<{ doc: Y.Doc; provider: WebsocketProvider }> {
  const cookie = (await context.cookies()).map((c) => `${c.name}=${c.value}`).join("; ");
  const CookieWebSocket = class extends WebSocket {
    constructor(url: string | URL, protocols?: string | string[]) {
      super(url, protocols, { headers: { cookie } });
    }
  };
  const doc = new Y.Doc();
  const provider = new WebsocketProvider(baseURL.replace(/^http/, "ws") + "/collab", mapId, doc, {
    WebSocketPolyfill: CookieWebSocket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
  });
  // Our server's own message types (session, app events) are not y-websocket's.
  provider.messageHandlers[MessageType.session] = () => {};
  provider.messageHandlers[MessageType.appEvent] = () => {};
  await expect.poll(() => provider.synced, { timeout: 10_000 }).toBe(true);
  return { doc, provider };
}

test("an owner invites a commenter by link: they watch live, cannot edit, and open evidence cards", async ({ browser, baseURL }, testInfo) => {
  // Two browsers, a sign-up and a reload each on a 2-core machine: more than the default minute.
  test.setTimeout(300_000);
  const stamp = Date.now();
  const owner = await signUpInNewContext(browser, "Olive Owner", `olive-${stamp}@example.com`, { width: 1280, height: 1200 });
  const mapId = new URL(owner.mapUrl).pathname.split("/").pop()!;

  // The owner creates a single-use commenter link in the share panel.
  await owner.page.getByTestId("share-panel").locator("summary").click();
  const links = owner.page.getByTestId("invite-links");
  await links.getByLabel("Invite role").selectOption("commenter");
  await links.getByLabel("Invite uses").selectOption("1");
  await links.getByRole("button", { name: "Create link" }).click();
  const linkBox = links.getByTestId("new-invite-link");
  await expect(linkBox).toHaveValue(/\/invite\/[A-Za-z0-9_-]{43}$/);
  const inviteUrl = await linkBox.inputValue();
  await expect(links.getByTestId("invite-row").first()).toContainText("0/1 used");
  await owner.page.screenshot({ path: testInfo.outputPath("share-panel-invite.png") });

  // A new person opens the link signed out, signs up from there and comes back to accept.
  const context = await browser.newContext({ viewport: { width: 1280, height: 1200 } });
  const guest = await context.newPage();
  await guest.goto(inviteUrl);
  await expect(guest.getByTestId("invite-summary")).toContainText("as commenter");
  // The page's own link and the header's "Sign up" both keep the invite.
  await expect(guest.getByRole("link", { name: "Create an account" })).toHaveAttribute("href", /callbackUrl=%2Finvite%2F/);
  await guest.getByRole("banner").getByRole("link", { name: "Sign up" }).click();
  await guest.getByLabel("Name").fill("Cam Commenter");
  await guest.getByLabel("Email").fill(`cam-${stamp}@example.com`);
  await guest.getByLabel(/Password/).fill("a strong password");
  await guest.getByRole("button", { name: "Create account" }).click();
  await expect(guest).toHaveURL(/\/invite\//);
  await guest.getByRole("button", { name: "Open the map" }).click();
  await expect(guest).toHaveURL(new RegExp(`/maps/${mapId}$`));

  // They see the map live and read-only, and the page says why.
  await expect(guest.getByTestId("sync-status")).toHaveAttribute("data-status", "connected", { timeout: 30_000 });
  await expect(owner.page.getByTestId("sync-status")).toHaveAttribute("data-status", "connected", { timeout: 30_000 });
  await expect(guest.getByTestId("read-only-notice")).toContainText("You can comment but not edit");
  await expect(guest.getByTestId("map-editor")).toHaveAttribute("data-read-only", "true");

  // The owner adds a con and types; the commenter sees it live.
  const position = owner.page.locator('li[data-kind="position"]').first();
  const positionId = (await position.getAttribute("data-claim-id"))!;
  await position.getByTestId("claim-row").first().hover();
  await position.getByTestId("add-con").first().click();
  const editor = owner.page.getByTestId("claim-editor");
  await expect(editor).toBeFocused();
  const claimId = (await editor.getAttribute("data-claim-id"))!;
  const text = "Strikes would end the intelligence sharing";
  await editor.pressSequentially(text, { delay: 5 });
  await owner.page.keyboard.press("Escape");
  const guestRow = guest.locator(`li[data-claim-id="${claimId}"]`).getByTestId("claim-row").first();
  await expect(guestRow).toContainText(text, { timeout: 5000 });

  // The commenter cannot type into claims: no edit controls, and Enter / double-click open no editor.
  await guestRow.hover();
  await expect(guest.getByTestId("edit-claim")).toHaveCount(0);
  await expect(guest.getByTestId("add-con")).toHaveCount(0);
  await guestRow.dblclick();
  await guest.keyboard.press("Enter");
  await guest.keyboard.type("typed by the commenter");
  await expect(guest.getByTestId("claim-editor")).toHaveCount(0);
  await expect(guestRow).toContainText(text);
  await expect(guest.locator("body")).not.toContainText("typed by the commenter");
  await guest.screenshot({ path: testInfo.outputPath("commenter-view.png") });

  // A forged update over the commenter's own socket is dropped by the server.
  const forger = await socketAs(context, baseURL!, mapId);
  addClaim(forger.doc, { kind: "claim", stance: "pro", parentId: positionId, text: "FORGED BY A COMMENTER", authorId: null });
  // An owner edit made after the forgery reaches the forger through the same ordered socket,
  // so by then the server has already handled (and dropped) the forged update.
  await position.getByTestId("claim-row").first().hover();
  await position.getByTestId("add-pro").first().click();
  await expect(editor).toBeFocused();
  const marker = "Owner edit after the forgery";
  await editor.pressSequentially(marker, { delay: 5 });
  await owner.page.keyboard.press("Escape");
  await expect.poll(() => JSON.stringify(forger.doc.getMap("claims").toJSON()).includes("Owner edit after the forgery"), { timeout: 10_000 }).toBe(true);
  forger.provider.destroy();
  await expect(owner.page.getByTestId("map-outline").getByText(marker)).toBeVisible();
  await expect(owner.page.locator("body")).not.toContainText("FORGED BY A COMMENTER");
  await owner.page.reload();
  await expect(owner.page.getByTestId("sync-status")).toHaveAttribute("data-status", "connected", { timeout: 30_000 });
  await expect(owner.page.getByTestId("map-outline").getByText(marker)).toBeVisible();
  await expect(owner.page.locator("body")).not.toContainText("FORGED BY A COMMENTER");
  await guest.reload();
  await expect(guest.getByTestId("sync-status")).toHaveAttribute("data-status", "connected", { timeout: 30_000 });
  await expect(guest.locator("body")).not.toContainText("FORGED BY A COMMENTER");

  // The commenter opens an evidence card: the reader beside the map shows the passage…
  const card = guest.getByTestId("evidence-card").first();
  const quote = ((await card.locator("blockquote").textContent()) ?? "").trim();
  const href = (await card.getAttribute("href"))!;
  await card.click();
  await expect(guest.getByTestId("side-tab-reader")).toHaveAttribute("aria-selected", "true");
  await expect(guest.getByTestId("panel-reader").locator("mark", { hasText: quote.slice(0, 20) }).first()).toBeInViewport();
  // …and the card's link, followed, opens the reader page at the highlighted passage.
  await guest.goto(href);
  await expect(guest).toHaveURL(/#citation-/);
  const target = guest.locator(":target");
  await expect(target).toBeVisible();
  await expect(target).toBeInViewport();
  await expect(target).toContainText(quote.slice(0, 20));
  await guest.screenshot({ path: testInfo.outputPath("commenter-evidence.png") });

  // The single-use link is now used up for anyone else.
  const late = await browser.newContext();
  const latePage = await late.newPage();
  await latePage.goto(inviteUrl);
  await expect(latePage.getByTestId("invite-error")).toContainText("used up");
  await late.close();
  await context.close();
});
