import AxeBuilder from "@axe-core/playwright";
import { expect as baseExpect, test, type Page } from "@playwright/test";

// Generous waits: the machine this runs on is shared and often loaded (2 cores).
const expect = baseExpect.configure({ timeout: 30_000 });

const VIEWPORT = { width: 1440, height: 900 };

async function signUp(page: Page, name: string): Promise<void> {
  await page.goto("/signup");
  await page.getByLabel("Name").fill(name);
  await page.getByLabel("Email").fill(`${name.toLowerCase().replace(/\W+/g, "-")}-${Date.now()}@example.com`);
  await page.getByLabel(/Password/).fill("a strong password");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page).toHaveURL(/\/maps\/[^/]+$/, { timeout: 60_000 });
  await expect(page.getByTestId("sync-status")).toHaveAttribute("data-status", "connected");
}

/** The React Flow zoom, read from the viewport element's transform (a matrix: its scale). */
async function zoomOf(page: Page): Promise<number> {
  return page.locator(".react-flow__viewport").evaluate((el) => new DOMMatrixReadOnly(getComputedStyle(el).transform).a);
}

/** Waits until the viewport stops moving (a pan or zoom animates for a moment). */
async function settled(page: Page): Promise<void> {
  const read = () => page.locator(".react-flow__viewport").evaluate((el) => getComputedStyle(el).transform);
  let last = await read();
  await expect
    .poll(async () => {
      await page.waitForTimeout(100); // two reads apart: equal means no animation is running
      const now = await read();
      const same = now === last;
      last = now;
      return same;
    })
    .toBe(true);
}

/** Claim ids of the nodes drawn now. */
async function shownIds(page: Page): Promise<string[]> {
  return page.locator(".react-flow__node[data-claim-id]").evaluateAll((els) => els.map((el) => el.getAttribute("data-claim-id")!).sort());
}

/** Parent -> child pairs, from the edges drawn (ids are "<parent>-><child>"). */
async function edgePairs(page: Page): Promise<[string, string][]> {
  const ids = await page.locator(".react-flow__edge").evaluateAll((els) => els.map((el) => el.getAttribute("data-id") ?? el.getAttribute("data-testid")!.replace(/^rf__edge-/, "")));
  return ids.map((id) => id.split("->") as [string, string]);
}

/** The claim, its ancestors and its descendants: what focus mode must show. */
function lineOf(id: string, pairs: [string, string][]): string[] {
  const parent = new Map(pairs.map(([p, c]) => [c, p]));
  const out = new Set([id, ...descendantsOf(id, pairs)]);
  for (let up = parent.get(id); up; up = parent.get(up)) out.add(up);
  return [...out].sort();
}
function descendantsOf(id: string, pairs: [string, string][]): string[] {
  const out: string[] = [];
  const stack = [id];
  while (stack.length) {
    const at = stack.pop()!;
    for (const [p, c] of pairs) if (p === at) (out.push(c), stack.push(c));
  }
  return out;
}

test("the graph opens readable, fills the workspace, focuses a claim's line, collapses a subtree", async ({ browser }, testInfo) => {
  test.setTimeout(240_000);
  const page = await (await browser.newContext({ viewport: VIEWPORT })).newPage();
  await signUp(page, "Gail Grapher");

  await page.getByTestId("view-tab-graph").click();
  const pane = page.getByTestId("graph-view");
  await expect(page.locator(".react-flow__node[data-claim-id]").first()).toBeVisible();
  await expect(page.getByTestId("graph-toolbar")).toBeVisible();
  await expect.poll(() => zoomOf(page)).toBeGreaterThan(0.5); // placed (React Flow starts at 1 too, so wait for the layout below)
  await page.waitForFunction(() => document.querySelectorAll(".react-flow__node[data-claim-id]").length > 20);

  // Not a fixed 938×520 box: the map column's full width (the side panel, open by default at
  // 1440 px, takes the rest) and the window's height (at least 70% of it).
  const box = (await pane.boundingBox())!;
  const mapColumn = (await page.getByTestId("map-editor").boundingBox())!;
  expect(box.width).toBeGreaterThanOrEqual(mapColumn.width - 2);
  expect(mapColumn.width).toBeGreaterThan(980);
  expect(box.height).toBeGreaterThanOrEqual(VIEWPORT.height * 0.7 - 1);

  // Readable: every text in every node on screen is ≥ 12 px once zoomed (computed size × zoom).
  await pane.scrollIntoViewIfNeeded();
  await settled(page);
  const zoom = await zoomOf(page);
  const paneBox = (await pane.boundingBox())!;
  const sizes = await page.locator(".react-flow__node[data-claim-id]").evaluateAll((els, area) => {
    const out: { id: string; min: number; label: number }[] = [];
    for (const el of els) {
      const r = el.getBoundingClientRect();
      const inside = r.left >= area.x && r.top >= area.y && r.right <= area.x + area.width && r.bottom <= area.y + area.height;
      if (!inside) continue;
      let min = Infinity;
      const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
      for (let t = walker.nextNode(); t; t = walker.nextNode()) {
        const parent = t.parentElement!;
        if (!t.textContent!.trim() || parent.closest("[class*=visuallyHidden]")) continue;
        min = Math.min(min, parseFloat(getComputedStyle(parent).fontSize));
      }
      const label = parseFloat(getComputedStyle(el.querySelector("[data-testid=node-label]")!).fontSize);
      out.push({ id: el.getAttribute("data-claim-id")!, min, label });
    }
    return out;
  }, paneBox);
  testInfo.annotations.push({ type: "graph", description: `zoom ${zoom.toFixed(3)}; ${sizes.length} nodes fully on screen; smallest text ${Math.min(...sizes.map((s) => s.min))} px` });
  expect(sizes.length).toBeGreaterThanOrEqual(2); // the question and a position at least
  for (const s of sizes) {
    expect(s.label * zoom).toBeGreaterThanOrEqual(12);
    expect(s.min * zoom).toBeGreaterThanOrEqual(12);
  }
  // Fitting all of the sample map would not be readable, so the minimap shows the rest.
  await expect(page.locator(".react-flow__minimap")).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath("graph-open.png") });

  // Kinds told apart by label (and shape), icons as inline SVG; the evidence count passes colour contrast.
  const position = page.locator(".react-flow__node[data-kind=position]").first();
  await expect(position.getByTestId("kind-badge")).toHaveText("Position");
  await expect(position.getByTestId("kind-badge").locator("svg")).toHaveCount(1);
  await expect(position.getByTestId("node-evidence").locator("svg")).toHaveCount(1);
  await expectNoAxeViolations(page, "[data-testid=graph-view]");

  // "Fit all" is an explicit choice: it zooms out below the readable scale to show the whole map.
  await page.getByTestId("graph-fit-all").click();
  await expect.poll(() => zoomOf(page)).toBeLessThan(zoom);
  await page.getByTestId("graph-readable").click();
  await expect.poll(() => zoomOf(page)).toBeGreaterThanOrEqual(1);

  const all = await shownIds(page);
  const pairs = await edgePairs(page);
  expect(pairs.length).toBe(all.length - 1); // one tree (the sample has no detached claims)

  // Select a claim in the outline that has both ancestors and descendants; the graph opens on it.
  const middle = all.find((id) => pairs.some(([, c]) => c === id) && pairs.some(([p]) => p === id) && pairs.some(([p, c]) => c === id && pairs.some(([, c2]) => c2 === p)))!;
  expect(middle).toBeTruthy();
  await page.getByTestId("view-tab-outline").click();
  await page.locator(`li[role=treeitem][data-claim-id="${middle}"]`).focus();
  await page.getByTestId("view-tab-graph").click();
  const middleNode = page.locator(`.react-flow__node[data-claim-id="${middle}"]`);
  await expect(middleNode).toHaveAttribute("aria-current", "true");
  await expect.poll(async () => {
    const r = await middleNode.boundingBox();
    const p = (await pane.boundingBox())!;
    return r !== null && r.x >= p.x && r.y >= p.y && r.x + r.width <= p.x + p.width && r.y + r.height <= p.y + p.height;
  }).toBe(true);

  // Focus mode from the toolbar: exactly its ancestors and descendants.
  await page.getByTestId("graph-focus").click();
  const line = lineOf(middle, pairs);
  expect(line.length).toBeLessThan(all.length);
  await expect.poll(() => shownIds(page)).toEqual(line);
  await expect(page.getByTestId("graph-shown")).toContainText(`${line.length} of ${all.length} claims shown`);
  await settled(page);
  expect(await zoomOf(page)).toBeGreaterThanOrEqual(1); // the focused line opens readable too
  await page.screenshot({ path: testInfo.outputPath("graph-focus.png") });
  // Esc leaves it.
  await page.keyboard.press("Escape");
  await expect.poll(() => shownIds(page)).toEqual(all);
  // And from the node's own control; its X (or the toolbar) leaves again.
  await middleNode.getByTestId("graph-focus-toggle").click();
  await expect.poll(() => shownIds(page)).toEqual(line);
  await page.getByTestId("graph-leave-focus").click();
  await expect.poll(() => shownIds(page)).toEqual(all);

  // Collapse the claim's subtree from its node: the subtree goes, the count says how many; the node stays put.
  const below = descendantsOf(middle, pairs);
  expect(below.length).toBeGreaterThan(0);
  await settled(page);
  const before = (await middleNode.boundingBox())!;
  await middleNode.getByTestId("graph-collapse-toggle").click();
  await expect.poll(() => shownIds(page)).toEqual(all.filter((id) => !below.includes(id)).sort());
  await expect(middleNode.getByTestId("graph-hidden-count")).toHaveText(`${below.length} hidden`);
  await expect(middleNode).toHaveAttribute("data-collapsed", "true");
  await settled(page);
  const after = (await middleNode.boundingBox())!;
  expect(Math.abs(after.x - before.x)).toBeLessThan(2);
  expect(Math.abs(after.y - before.y)).toBeLessThan(2);
  // The outline shares the collapse.
  await page.getByTestId("view-tab-outline").click();
  await expect(page.locator(`li[role=treeitem][data-claim-id="${middle}"]`)).toHaveAttribute("aria-expanded", "false");
  await page.getByTestId("view-tab-graph").click();
  await middleNode.getByTestId("graph-collapse-toggle").click();
  await expect.poll(() => shownIds(page)).toEqual(all);

  // Editing from the graph still works: double-click opens the claim editor beside it.
  await middleNode.dblclick();
  await expect(page.getByTestId("graph-editor-panel")).toBeVisible();
  await expect(page.getByTestId("graph-editor-panel").locator("[contenteditable=true]")).toBeVisible();

  // A claim without evidence (the sample has none): its "0" badge passes axe's colour contrast.
  await page.getByTestId("view-tab-outline").click();
  const firstPosition = page.locator('li[data-kind="position"]').first();
  await firstPosition.getByTestId("claim-row").first().hover();
  await firstPosition.getByTestId("add-con").first().click();
  const editor = page.getByTestId("claim-editor");
  await expect(editor).toBeFocused();
  const newId = (await editor.getAttribute("data-claim-id"))!;
  await editor.pressSequentially("Strikes would need Mexican consent anyway");
  await page.keyboard.press("Escape");
  await page.getByTestId("view-tab-graph").click();
  const newNode = page.locator(`.react-flow__node[data-claim-id="${newId}"]`);
  await expect(newNode.getByTestId("node-evidence")).toHaveText("Evidence: none");
  await settled(page);
  const badge = (await newNode.getByTestId("node-evidence").boundingBox())!;
  const paneNow = (await pane.boundingBox())!;
  expect(badge.x >= paneNow.x && badge.y >= paneNow.y && badge.x + badge.width <= paneNow.x + paneNow.width && badge.y + badge.height <= paneNow.y + paneNow.height).toBe(true);
  await expect(newNode.getByTestId("node-evidence")).toHaveCSS("opacity", "1");
  const checked = await expectNoAxeViolations(page, "[data-testid=graph-view]");
  // Axe measured the badge itself (it skips one-character text: hence "none", not "0").
  expect(checked.some((html) => html.includes('data-testid="node-evidence"') && html.includes('data-count="0"'))).toBe(true);
});

/** Axe (WCAG 2 A and AA, colour contrast included) finds nothing inside `selector`; returns the elements whose contrast passed. */
async function expectNoAxeViolations(page: Page, selector: string): Promise<string[]> {
  const axe = await new AxeBuilder({ page }).include(selector).withTags(["wcag2a", "wcag2aa", "wcag21aa"]).analyze();
  expect(axe.violations.map((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(" ")} ${n.failureSummary}`)).flat()).toEqual([]);
  const contrast = axe.passes.find((p) => p.id === "color-contrast");
  expect(contrast).toBeDefined();
  return contrast!.nodes.map((n) => n.html);
}

test("the flow uses the full width: columns ≥ 220 px scroll sideways, speech headers stay visible", async ({ browser }, testInfo) => {
  test.setTimeout(180_000);
  const page = await (await browser.newContext({ viewport: VIEWPORT })).newPage();
  await signUp(page, "Flo Flowsheet");
  await page.getByTestId("view-tab-flow").click();
  const columns = page.getByTestId("flow-columns");
  await expect(page.getByTestId("flow-column-1AC")).toContainText("Direct intervention");

  // The map column's full width, not a ~940 px page column; with the side panel closed, the page's.
  await page.getByTestId("side-panel-toggle").click();
  await expect(page.getByTestId("side-panel")).toHaveCount(0);
  const box = (await columns.boundingBox())!;
  expect(box.width).toBeGreaterThan(1300);
  const widths = await page.locator("[data-testid^=flow-column-]:not([data-testid=flow-column-head])").evaluateAll((els) => els.map((el) => el.getBoundingClientRect().width));
  expect(widths).toHaveLength(7);
  for (const w of widths) expect(w).toBeGreaterThanOrEqual(220);
  const overflow = await columns.evaluate((el) => ({ scrollWidth: el.scrollWidth, clientWidth: el.clientWidth, scrollHeight: el.scrollHeight, clientHeight: el.clientHeight }));
  expect(overflow.scrollWidth).toBeGreaterThan(overflow.clientWidth); // seven columns scroll sideways
  expect(overflow.scrollHeight).toBeGreaterThan(overflow.clientHeight); // and the sample is taller than the box

  await columns.scrollIntoViewIfNeeded();
  const head = page.getByTestId("flow-column-1NC").getByTestId("flow-column-head");
  const firstEntry = page.getByTestId("flow-column-1NC").getByTestId("flow-entry").first();
  const headBefore = (await head.boundingBox())!;
  const entryBefore = (await firstEntry.boundingBox())!;
  await columns.evaluate((el) => el.scrollTo({ top: 400, left: 120 }));
  await expect.poll(async () => (await firstEntry.boundingBox())!.y).toBeLessThan(entryBefore.y - 300);
  const columnsTop = (await columns.boundingBox())!.y;
  const headAfter = (await head.boundingBox())!;
  // Sticky: the header is still at the top of the box, moved sideways with the scroll only.
  expect(Math.abs(headAfter.y - columnsTop)).toBeLessThanOrEqual(2);
  expect(Math.abs(headAfter.x - (headBefore.x - 120))).toBeLessThanOrEqual(2);
  await expect(head).toContainText("1NC");
  // Nothing drawn over it: the point at its centre is the header itself.
  const onTop = await head.evaluate((el) => {
    const r = el.getBoundingClientRect();
    return el.contains(document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2));
  });
  expect(onTop).toBe(true);
  await page.screenshot({ path: testInfo.outputPath("flow-scrolled.png") });
  await expectNoAxeViolations(page, "[data-testid=flow-sheet]");
});
