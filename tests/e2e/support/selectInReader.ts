import type { Page } from "@playwright/test";

/** Selects `sentence` in the source reader with a DOM Range (across highlight segments) and releases the mouse. */
export async function selectInReader(page: Page, sentence: string): Promise<void> {
  await page.getByTestId("source-reader").evaluate((reader, wanted) => {
    const paragraph = [...reader.querySelectorAll("[data-offset]")].find((p) => !p.parentElement?.closest("[data-offset]") && (p.textContent ?? "").includes(wanted));
    if (!paragraph) throw new Error(`no paragraph holds ${wanted}`);
    const at = paragraph.textContent!.indexOf(wanted);
    const walker = document.createTreeWalker(paragraph, NodeFilter.SHOW_TEXT);
    const range = document.createRange();
    let seen = 0;
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const len = node.textContent!.length;
      if (seen <= at && at < seen + len) range.setStart(node, at - seen);
      if (seen < at + wanted.length && at + wanted.length <= seen + len) range.setEnd(node, at + wanted.length - seen);
      seen += len;
    }
    const selection = window.getSelection()!;
    selection.removeAllRanges();
    selection.addRange(range);
    reader.dispatchEvent(new MouseEvent("mouseup", { bubbles: true }));
  }, sentence);
}
