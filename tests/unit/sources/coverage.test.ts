import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { readCitations } from "@/lib/argument/claimSchema";
import { addCitation, addClaim, initMapDoc } from "@/lib/argument/mapOperations";
import { buildMapTree } from "@/lib/argument/mapTree";
import { describeRange } from "@/lib/citations/textSelectors";
import { sourceCoverage, unionLength, unsupportedClaims } from "@/lib/sources/coverage";
import { positionOf } from "@/lib/sources/positionOf";

const text = "Heading\nAlpha beta gamma.\nDelta epsilon.\n\nZeta eta theta.";

function cite(doc: Y.Doc, claimId: string, start: number, end: number, sourceVersion = 1, sourceId = "s") {
  return addCitation(doc, { claimId, sourceId, sourceVersion, ...describeRange(text, start, end), tag: "", note: "", highlights: [], authorId: null });
}

describe("coverage", () => {
  it("unions overlapping ranges", () => {
    expect(unionLength([{ start: 0, end: 5 }, { start: 3, end: 8 }, { start: 10, end: 12 }, { start: 11, end: 11 }])).toBe(10);
    expect(unionLength([])).toBe(0);
  });

  it("computes share, uncited paragraphs, cards per position and unsupported claims", () => {
    const doc = new Y.Doc();
    const q = initMapDoc(doc, { title: "t", question: "q", authorId: null });
    const p1 = addClaim(doc, { kind: "position", parentId: q, text: "P1", authorId: null });
    const p2 = addClaim(doc, { kind: "position", parentId: q, text: "P2", authorId: null });
    const a = addClaim(doc, { kind: "claim", stance: "pro", parentId: p1, text: "A", authorId: null });
    const b = addClaim(doc, { kind: "claim", stance: "con", parentId: a, text: "B", authorId: null });
    const c = addClaim(doc, { kind: "claim", stance: "con", parentId: p2, text: "C", authorId: null });
    const alpha = text.indexOf("Alpha");
    cite(doc, a, alpha, alpha + 10); // "Alpha beta"
    cite(doc, b, alpha + 6, alpha + 16); // overlaps: "beta gamma"
    cite(doc, b, 0, 3, 2); // another version: ignored
    cite(doc, b, 0, 3, 1, "other"); // another source: ignored
    const tree = buildMapTree(doc);
    expect(positionOf(tree, b)).toBe(p1);
    expect(positionOf(tree, q)).toBeNull();
    const cov = sourceCoverage({ sourceId: "s", version: 1, text, citations: readCitations(doc), tree });
    expect(cov.citedChars).toBe(16);
    expect(cov.share).toBeCloseTo(16 / text.length);
    expect(cov.cardCount).toBe(2);
    expect(cov.uncitedParagraphs.map((p) => p.text)).toEqual(["Heading", "Delta epsilon.", "Zeta eta theta."]);
    expect(cov.uncitedParagraphs[2].start).toBe(text.indexOf("Zeta"));
    expect(cov.cardsPerPosition).toEqual([
      { positionId: p1, count: 2 },
      { positionId: p2, count: 0 },
    ]);
    expect(unsupportedClaims(tree, readCitations(doc)).map((x) => x.id)).toEqual([c]);
  });

  it("ignores citations whose quote no longer matches the text", () => {
    const doc = new Y.Doc();
    const q = initMapDoc(doc, { title: "t", question: "q", authorId: null });
    const p = addClaim(doc, { kind: "position", parentId: q, text: "P", authorId: null });
    addCitation(doc, { claimId: p, sourceId: "s", sourceVersion: 1, exact: "nope", prefix: "", suffix: "", start: 0, end: 4, tag: "", note: "", highlights: [], authorId: null });
    const cov = sourceCoverage({ sourceId: "s", version: 1, text, citations: readCitations(doc), tree: buildMapTree(doc) });
    expect(cov.citedChars).toBe(0);
    expect(cov.uncitedParagraphs).toHaveLength(4);
  });
});
