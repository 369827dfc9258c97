import { normalizeSelection, pointOffset, type PlainRange } from "./selectionRange";

/**
 * Browser-side half of selection mapping: a DOM boundary point inside the reader becomes an
 * offset in the source's plain text through the nearest element carrying `data-offset`.
 * Points outside any segment (the margin, the gap between paragraphs) snap to the nearest
 * segment in document order.
 */
export function domPointToOffset(root: Element, node: Node, offset: number): number | null {
  const element = node.nodeType === Node.ELEMENT_NODE ? (node as Element) : node.parentElement;
  const segment = element?.closest("[data-offset]");
  if (segment && root.contains(segment)) {
    const before = document.createRange();
    before.setStart(segment, 0);
    before.setEnd(node, offset);
    return pointOffset(Number(segment.getAttribute("data-offset")), textLength(before));
  }
  // Between segments: take the first segment that follows the point, else the end of the last.
  const segments = [...root.querySelectorAll("[data-offset]")].filter((s) => !s.parentElement?.closest("[data-offset]"));
  const point = document.createRange();
  point.setStart(node, offset);
  for (const s of segments) {
    const r = document.createRange();
    r.selectNodeContents(s);
    if (point.compareBoundaryPoints(Range.START_TO_START, r) <= 0) return Number(s.getAttribute("data-offset"));
  }
  const last = segments[segments.length - 1];
  return last ? Number(last.getAttribute("data-offset")) + (last.textContent ?? "").length : null;
}

// Only the source's own text counts: decorations inside a paragraph are marked data-no-text.
function textLength(range: Range): number {
  const fragment = range.cloneContents();
  fragment.querySelectorAll("[data-no-text]").forEach((n) => n.remove());
  return (fragment.textContent ?? "").length;
}

/** The current selection as a trimmed plain-text range inside `root`, or null. */
export function selectionToRange(root: Element, text: string, selection: Selection | null): PlainRange | null {
  if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return null;
  const range = selection.getRangeAt(0);
  if (!root.contains(range.commonAncestorContainer)) return null;
  const a = domPointToOffset(root, range.startContainer, range.startOffset);
  const b = domPointToOffset(root, range.endContainer, range.endOffset);
  if (a === null || b === null) return null;
  return normalizeSelection(text, a, b);
}
