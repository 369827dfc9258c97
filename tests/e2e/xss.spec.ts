import { expect, test, type Page } from "@playwright/test";
import * as Y from "yjs";
import { addCitation, addClaim, buildMapTree, claimBodyFragment, setMeta } from "../../lib/argument";
import { CollabClient } from "../support/collabClient";

// Script-bearing text goes in through every path a user can put text in; every page that shows
// it must render it as text: nothing runs, no dialog opens, no injected element reaches the DOM.

const P = {
  img: `<img src=x onerror="window.__xss=1">`,
  script: `<script>window.__xss=1</script>`,
  svg: `"><svg onload="window.__xss=1">`,
  js: `javascript:window.__xss=1`,
};
const ALL = `${P.img} ${P.script} ${P.svg} ${P.js}`;

interface Findings {
  flag: unknown;
  imgX: number;
  svgOnload: number;
  inlineHandlers: string[];
  payloadScripts: number;
  javascriptLinks: number;
}

async function findings(page: Page): Promise<Findings> {
  return page.evaluate(() => {
    const all = [...document.querySelectorAll("*")];
    return {
      flag: (window as unknown as { __xss?: unknown }).__xss,
      imgX: document.querySelectorAll('img[src="x"]').length,
      svgOnload: document.querySelectorAll("svg[onload]").length,
      inlineHandlers: all.flatMap((el) => [...el.attributes].filter((a) => /^on/i.test(a.name)).map((a) => `${el.tagName}[${a.name}]`)),
      // Next's flight data (self.__next_f.push) carries the text as JSON strings; that is data, not markup.
      payloadScripts: [...document.scripts].filter((s) => (s.textContent ?? "").includes("__xss") && !(s.textContent ?? "").includes("self.__next_f")).length,
      javascriptLinks: [...document.querySelectorAll("a[href], area[href], iframe[src], form[action]")].filter((el) =>
        /^\s*javascript:/i.test(el.getAttribute("href") ?? el.getAttribute("src") ?? el.getAttribute("action") ?? ""),
      ).length,
    };
  });
}

const CLEAN: Findings = { flag: undefined, imgX: 0, svgOnload: 0, inlineHandlers: [], payloadScripts: 0, javascriptLinks: 0 };

test("script-bearing text from every input path renders as text on every page", async ({ browser, baseURL }, testInfo) => {
  test.setTimeout(300_000);
  const stamp = Date.now();
  const context = await browser.newContext({ viewport: { width: 1280, height: 1200 } });
  const page = await context.newPage();
  const dialogs: string[] = [];
  const cspViolations: string[] = [];
  page.on("dialog", (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  const pageErrors: string[] = [];
  page.on("pageerror", (e) => pageErrors.push(e.message.split("\n")[0]));
  page.on("console", (m) => {
    if (/Content Security Policy/i.test(m.text())) cspViolations.push(m.text());
  });
  const pagesChecked: string[] = [];
  const check = async (where: string, mustShow?: string) => {
    await page.waitForLoadState("networkidle").catch(() => {});
    await page.waitForTimeout(300);
    // The payload arrived and is shown as text, so the check below is about rendering, not absence.
    if (mustShow) await expect(page.locator("body"), `${where} shows the payload as text`).toContainText(mustShow);
    expect(await findings(page), where).toEqual(CLEAN);
    expect(dialogs, where).toEqual([]);
    pagesChecked.push(where);
  };

  // 1. User name at sign-up.
  const email = `mallory-${stamp}@example.com`;
  await page.goto("/signup");
  await page.getByLabel("Name").fill(`Mal ${P.img}`.slice(0, 79));
  await page.getByLabel("Email").fill(email);
  await page.getByLabel(/Password/).fill("a strong password");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page).toHaveURL(/\/maps\/[^/]+$/, { timeout: 30_000 });
  const mapUrl = page.url();
  const mapId = mapUrl.split("/").pop()!;
  await expect(page.getByTestId("sync-status")).toHaveAttribute("data-status", "connected");

  // 2. Claim text typed into the editor.
  const position = page.locator('li[data-kind="position"]').first();
  await position.getByTestId("claim-row").first().hover();
  await position.getByTestId("add-con").first().click();
  const editor = page.getByTestId("claim-editor");
  await expect(editor).toBeFocused();
  await editor.pressSequentially(`typed ${P.img} ${P.script}`, { delay: 5 });
  await page.keyboard.press("Escape");

  // 3. Sources: uploaded .html, .md and .txt with hostile metadata.
  const upload = (name: string, mimeType: string, body: string, meta: Record<string, string>) =>
    page.request.post(`/api/maps/${mapId}/sources`, { multipart: { ...meta, file: { name, mimeType, buffer: Buffer.from(body) } } });
  const html = `<html><head><title>${P.script}</title></head><body><p>Opening ${P.img} paragraph.</p><script>window.__xss=1</script>
<p><a href="javascript:window.__xss=1">a link</a> <svg onload="window.__xss=1"></svg> <iframe src="javascript:window.__xss=1"></iframe></p>
<p onclick="window.__xss=1">The evidence sentence is long enough to cite here.</p></body></html>`;
  const md = `# Heading ${P.img}\n\n[click me](javascript:window.__xss=1) and ![x](x "onerror")\n\n<script>window.__xss=1</script>\n\n${P.svg}\n`;
  const sources: Record<string, string> = {};
  for (const [kind, name, type, body] of [
    ["html", "evil.html", "text/html", html],
    ["md", "evil.md", "text/markdown", md],
    ["txt", "evil.txt", "text/plain", `Plain ${ALL} text.`],
  ] as const) {
    const res = await upload(name, type, body, { title: `${kind} ${P.img}`, author: P.script, publisher: P.svg, url: `https://example.com/?q="><svg onload=window.__xss=1>` });
    expect(res.status(), `${kind} upload: ${await res.text()}`).toBe(201);
    sources[kind] = ((await res.json()) as { id: string }).id;
  }
  // A javascript: URL as the source link is refused, or if stored must never become a link.
  const jsUrl = await upload("js.txt", "text/plain", "Some text.", { title: "js url", url: P.js });
  if (jsUrl.status() === 201) sources.jsUrl = ((await jsUrl.json()) as { id: string }).id;
  else expect(jsUrl.status()).toBe(400);

  // 4. Raw Yjs: map title and question, claim text, hostile XML nodes and a javascript: link mark, an evidence card.
  const cookie = (await context.cookies()).map((c) => `${c.name}=${c.value}`).join("; ");
  const yjs = new CollabClient(baseURL!, mapId, cookie);
  await yjs.whenSynced();
  const root = buildMapTree(yjs.doc).root!.claim.id;
  const positionId = buildMapTree(yjs.doc).root!.children[0].claim.id;
  setMeta(yjs.doc, { title: `Title ${P.img}`, question: `Question ${P.svg}` });
  const rawClaim = addClaim(yjs.doc, { kind: "claim", stance: "pro", parentId: positionId, text: `pushed ${ALL}`, authorId: null });
  yjs.doc.transact(() => {
    const body = claimBodyFragment(yjs.doc, rawClaim)!;
    const script = new Y.XmlElement("script");
    script.insert(0, [new Y.XmlText("window.__xss=1")]);
    const img = new Y.XmlElement("img");
    img.setAttribute("src", "x");
    img.setAttribute("onerror", "window.__xss=1");
    const paragraph = new Y.XmlElement("paragraph");
    paragraph.setAttribute("onclick", "window.__xss=1");
    const text = new Y.XmlText();
    text.insert(0, "xml link", { link: { href: P.js } });
    paragraph.insert(0, [text]);
    const weird = new Y.XmlElement(`img src=x onerror=window.__xss=1`);
    body.insert(body.length, [script, img, paragraph, weird]);
  });
  addCitation(yjs.doc, {
    claimId: rawClaim,
    sourceId: sources.html,
    sourceVersion: 1,
    exact: "The evidence sentence",
    prefix: "",
    suffix: "",
    start: 0,
    end: 21,
    tag: `Tag ${P.img}`,
    note: `Note ${P.script}`,
    highlights: [],
    authorId: null,
  });
  await new Promise((r) => setTimeout(r, 1000));
  yjs.destroy();
  void root;

  // 5. Comments, team name, profile name (when those routes exist).
  const startThread = (body: string) => page.request.post(`/api/maps/${mapId}/threads`, { data: { target: { kind: "claim", claimId: rawClaim }, body } });
  const tagged = await startThread(`Comment ${P.img} ${P.script}`);
  const commentsExist = tagged.status() !== 404;
  // Comments refuse tags outright; what they accept (entities, javascript: text, markdown links) must still render inert.
  if (commentsExist) {
    expect(tagged.status(), await tagged.text()).toBe(400);
    const thread = await startThread(`Comment ${P.js} &lt;img src=x onerror=window.__xss=1&gt; [x](javascript:window.__xss=1)`);
    expect(thread.status(), await thread.text()).toBe(201);
  }
  const team = await page.request.post("/api/teams", { data: { name: `Team ${P.img}`.slice(0, 60) } });
  const teamId = team.status() === 201 ? ((await team.json()) as { team?: { id: string }; id?: string }) : null;
  const teamHref = teamId ? `/teams/${teamId.team?.id ?? teamId.id}` : null;
  const profile = await page.request.patch("/api/profile", { data: { name: `Mal ${P.svg}` } });

  // Every page that renders the text.
  await page.goto(mapUrl);
  await expect(page.getByTestId("sync-status")).toHaveAttribute("data-status", "connected", { timeout: 30_000 }).catch((e) => {
    throw new Error(`${(e as Error).message}\npage errors: ${pageErrors.join(" | ")}`);
  });
  await expect(page.locator(`li[data-claim-id="${rawClaim}"]`)).toBeVisible();
  await check("map outline", "onerror=");
  await expect(page.locator("body")).toContainText("pushed <img src=x");
  await expect(page.locator("body")).toContainText("typed <img src=x");
  await page.getByTestId("share-panel").locator("summary").click();
  await check("share panel");
  await page.getByTestId("view-tab-graph").click();
  await check("graph view", "onerror=");
  await page.getByTestId("view-tab-flow").click().catch(() => {});
  await check("flow view");
  for (const [kind, id] of Object.entries(sources)) {
    await page.goto(`/maps/${mapId}/sources/${id}`);
    await check(`source reader (${kind})`, kind === "jsUrl" ? "js url" : "<img src=x");
  }
  await page.goto(`/maps/${mapId}/brief`);
  await check("brief page", "<img src=x");
  const mdRes = await page.request.get(`/api/maps/${mapId}/brief?side=aff&format=md`);
  expect(mdRes.status()).toBe(200);
  expect(mdRes.headers()["content-type"]).toMatch(/^text\/markdown/);
  expect(mdRes.headers()["x-content-type-options"]).toBe("nosniff");
  await page.goto(`/api/maps/${mapId}/brief?side=aff&format=md`).catch(() => {});
  if (!page.url().startsWith("about:")) await check("brief markdown export as served");
  await page.goto("/maps");
  await check("maps list", "Title <img src=x");
  await page.goto(`/maps/${mapId}/activity`);
  await check("activity");
  await page.goto("/profile");
  await check("profile", profile.ok() ? "<svg onload" : undefined);
  if (teamHref) {
    await page.goto("/teams");
    await check("teams list", "Team <img src=x");
    await page.goto(teamHref);
    await check("team page", "Team <img src=x");
  }
  await page.screenshot({ path: testInfo.outputPath("xss-last-page.png") });
  await page.goto(mapUrl);
  await expect(page.getByTestId("sync-status")).toHaveAttribute("data-status", "connected");
  await page.screenshot({ path: testInfo.outputPath("xss-map.png"), fullPage: false });
  await check("map outline again");

  expect(cspViolations).toEqual([]);
  console.log(`xss: ${pagesChecked.length} pages checked (${pagesChecked.join(", ")}); comments route ${commentsExist ? "present" : "absent"}, team ${teamHref ? "created" : `not created (${team.status()})`}, profile ${profile.status()}, javascript: source url ${jsUrl.status()}`);
  await context.close();
});

test("pages send a nonce-based CSP: inline scripts and handlers without the nonce do not run", async ({ page, request }) => {
  const res = await request.get("/signin");
  const csp = res.headers()["content-security-policy"] ?? "";
  const scriptSrc = csp.split(";").map((d) => d.trim()).find((d) => d.startsWith("script-src")) ?? "";
  expect(scriptSrc).toMatch(/'nonce-[A-Za-z0-9+/=]{16,}'/);
  expect(scriptSrc).not.toContain("'unsafe-inline'");
  expect(scriptSrc).not.toContain("'unsafe-eval'");
  const nonce = /'nonce-([^']+)'/.exec(scriptSrc)![1];
  // Every script Next rendered carries this response's nonce.
  const html = await res.text();
  const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
  expect(scripts.length).toBeGreaterThan(0);
  for (const tag of scripts) expect(tag).toContain(`nonce="${nonce}"`);
  // A fresh nonce per response.
  const again = (await request.get("/signin")).headers()["content-security-policy"];
  expect(again).not.toBe(csp);
  // API responses allow no script at all.
  expect((await request.get("/api/health")).headers()["content-security-policy"]).toMatch(/script-src 'self'(;|$)/);

  // In the browser: the page hydrates (the nonce works) and markup injected past React cannot run.
  await page.goto("/signin");
  await expect(page.getByRole("button", { name: /sign in/i }).first()).toBeEnabled();
  await page.evaluate(() => {
    const w = window as unknown as { __violations?: number };
    w.__violations = 0;
    document.addEventListener("securitypolicyviolation", () => (w.__violations = (w.__violations ?? 0) + 1));
    const div = document.createElement("div");
    div.innerHTML = `<img src="/no-such-image-xss.png" onerror="window.__xss=1"><svg><image href="/no-such-image-xss.png" onerror="window.__xss=2"></image></svg>`;
    document.body.append(div);
    const a = document.createElement("a");
    a.setAttribute("href", "javascript:window.__xss=3");
    document.body.append(a);
    a.click();
  });
  await page.waitForTimeout(500);
  expect(await page.evaluate(() => (window as unknown as { __xss?: unknown }).__xss)).toBeUndefined();
  // It was the policy that stopped them (the handlers would have fired otherwise).
  expect(await page.evaluate(() => (window as unknown as { __violations?: number }).__violations)).toBeGreaterThan(0);
});
