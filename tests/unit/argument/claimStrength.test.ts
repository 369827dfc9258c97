import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { addClaim, buildMapTree, initMapDoc, moveClaim, readCitations, type ClaimData } from "../../../lib/argument";
import { cite, smallMap } from "./strengthFixtures";
import { computeStrengths, countCitations, meanRating, positionBalance } from "../../../lib/argument/claimStrength";

// s(c) = e(c) × clamp01( r(c)/4 × (1 + 0.5·Σ_pro s − 0.5·Σ_con s) ), e = 0.75 for an uncited claim.

describe("meanRating", () => {
  it("defaults to 2, averages, clamps to 0–4 and ignores non-finite votes", () => {
    expect(meanRating(undefined)).toBe(2);
    expect(meanRating([])).toBe(2);
    expect(meanRating([1, 4])).toBe(2.5);
    // 10 → 4, −3 → 0: (4 + 0) / 2 = 2
    expect(meanRating([10, -3])).toBe(2);
    expect(meanRating([Number.NaN, 3])).toBe(3);
  });
});

describe("computeStrengths", () => {
  it("works the small map by hand", () => {
    const doc = smallMap();
    const tree = buildMapTree(doc);
    const ratings = new Map([["B", [4, 4]], ["C", [0, 2]]]);
    const s = computeStrengths(tree, ratings, countCitations(readCitations(doc)));
    // A1: unrated (2/4 = 0.5), leaf, uncited: 0.75 × 0.5 = 0.375
    expect(s.get("A1")).toBeCloseTo(0.375, 10);
    // A: 0.5 × (1 − 0.5 × 0.375) = 0.5 × 0.8125 = 0.40625, cited so no discount
    expect(s.get("A")).toBeCloseTo(0.40625, 10);
    // B: rated 4 → 1 × 1 = 1, uncited: 0.75
    expect(s.get("B")).toBeCloseTo(0.75, 10);
    // C: mean(0, 2) = 1 → 1/4 = 0.25, cited
    expect(s.get("C")).toBeCloseTo(0.25, 10);
    // P: 0.5 × (1 + 0.5 × (0.40625 + 0.75) − 0.5 × 0.25) = 0.5 × 1.453125 = 0.7265625
    // (a position is never discounted for lacking a card)
    expect(s.get("P")).toBeCloseTo(0.7265625, 10);
    // Q: unrated, no children: 0.5
    expect(s.get("Q")).toBeCloseTo(0.5, 10);
    // q: its children are positions (no stance), so just 2/4
    expect(s.get("q")).toBeCloseTo(0.5, 10);
  });

  it("clamps to 1 above and 0 below", () => {
    const doc = new Y.Doc();
    initMapDoc(doc, { title: "t", question: "q?", questionId: "q", authorId: null });
    addClaim(doc, { kind: "position", parentId: "q", id: "P", authorId: null });
    for (const id of ["X", "Y"]) addClaim(doc, { kind: "claim", stance: "pro", parentId: "P", id, authorId: null });
    for (const id of ["x1", "x2", "x3"]) addClaim(doc, { kind: "claim", stance: "pro", parentId: "X", id, authorId: null });
    for (const id of ["y1", "y2", "y3"]) addClaim(doc, { kind: "claim", stance: "con", parentId: "Y", id, authorId: null });
    for (const id of ["X", "Y", "x1", "x2", "x3", "y1", "y2", "y3"]) cite(doc, id);
    const ratings = new Map<string, number[]>([["X", [4]], ["Y", [1]], ...["x1", "x2", "x3", "y1", "y2", "y3"].map((id): [string, number[]] => [id, [4]])]);
    const s = computeStrengths(buildMapTree(doc), ratings, countCitations(readCitations(doc)));
    // leaves rated 4, cited: 1 each
    expect(s.get("x1")).toBe(1);
    // X: 1 × (1 + 0.5 × 3) = 2.5 → clamped to 1
    expect(s.get("X")).toBe(1);
    // Y: 0.25 × (1 − 0.5 × 3) = 0.25 × −0.5 → clamped to 0
    expect(s.get("Y")).toBe(0);
    // P: 0.5 × (1 + 0.5 × (1 + 0)) = 0.75
    expect(s.get("P")).toBeCloseTo(0.75, 10);
  });

  it("scores detached subtrees and survives a very deep chain", () => {
    const claims: ClaimData[] = [{ id: "q", kind: "question", stance: null, parentId: null, order: "a", authorId: null, createdAt: 0 }];
    let parent = "q";
    for (let i = 0; i < 20000; i++) {
      const id = `c${i}`;
      claims.push({ id, kind: i === 0 ? "position" : "claim", stance: i === 0 ? null : "pro", parentId: parent, order: "a", authorId: null, createdAt: 0 });
      parent = id;
    }
    claims.push({ id: "orphan", kind: "claim", stance: "con", parentId: "gone", order: "a", authorId: null, createdAt: 0 });
    const s = computeStrengths(buildMapTree(claims), new Map(), new Map());
    expect(s.size).toBe(claims.length);
    // orphan: detached, uncited, unrated: 0.75 × 0.5
    expect(s.get("orphan")).toBeCloseTo(0.375, 10);
    for (const v of s.values()) expect(v >= 0 && v <= 1).toBe(true);
  });
});

describe("positionBalance", () => {
  it("puts the two positions side by side with their shares", () => {
    const doc = smallMap();
    const tree = buildMapTree(doc);
    const s = computeStrengths(tree, new Map([["B", [4, 4]], ["C", [0, 2]]]), countCitations(readCitations(doc)));
    const balance = positionBalance(tree, s);
    expect(balance.map((b) => b.positionId)).toEqual(["P", "Q"]);
    // P 0.7265625, Q 0.5: shares 0.7265625 / 1.2265625 and 0.5 / 1.2265625
    expect(balance[0].share).toBeCloseTo(0.7265625 / 1.2265625, 10);
    expect(balance[1].share).toBeCloseTo(0.5 / 1.2265625, 10);
  });

  it("gives equal shares when both positions score 0", () => {
    const doc = smallMap();
    const tree = buildMapTree(doc);
    const balance = positionBalance(tree, new Map([["P", 0], ["Q", 0]]));
    expect(balance.map((b) => b.share)).toEqual([0.5, 0.5]);
  });
});

describe("computeStrengths with stored ratings (hand-worked)", () => {
  // q ─ P (position) ─ X pro (card) ─ K con (card), plus Z pro (card) under P.
  function rated() {
    const doc = new Y.Doc();
    initMapDoc(doc, { title: "t", question: "q?", questionId: "q", authorId: null });
    addClaim(doc, { kind: "position", parentId: "q", id: "P", authorId: null });
    addClaim(doc, { kind: "claim", stance: "pro", parentId: "P", id: "X", authorId: null });
    addClaim(doc, { kind: "claim", stance: "con", parentId: "X", id: "K", authorId: null });
    addClaim(doc, { kind: "claim", stance: "pro", parentId: "P", id: "Z", authorId: null });
    for (const id of ["X", "K", "Z"]) cite(doc, id);
    return doc;
  }

  it("a claim rated 4 with one strong con loses half its weight", () => {
    const doc = rated();
    const s = computeStrengths(buildMapTree(doc), new Map([["X", [4]], ["K", [4]], ["Z", [0]]]), countCitations(readCitations(doc)));
    // K: rated 4, cited leaf: 1
    expect(s.get("K")).toBe(1);
    // X: 4/4 × (1 − 0.5 × 1) = 0.5
    expect(s.get("X")).toBeCloseTo(0.5, 10);
    // Z: rated 0 → 0 whatever else
    expect(s.get("Z")).toBe(0);
    // P: unrated 0.5 × (1 + 0.5 × (0.5 + 0)) = 0.625
    expect(s.get("P")).toBeCloseTo(0.625, 10);
  });

  it("averages every member's vote, and an unanswered strong con makes its parent contested", () => {
    const doc = rated();
    // X: mean(4, 0, 2) = 2 → 0.5; K: mean(3, 4) = 3.5 → 0.875
    const s = computeStrengths(buildMapTree(doc), new Map([["X", [4, 0, 2]], ["K", [3, 4]]]), countCitations(readCitations(doc)));
    expect(s.get("K")).toBeCloseTo(0.875, 10);
    // X: 0.5 × (1 − 0.5 × 0.875) = 0.5 × 0.5625 = 0.28125
    expect(s.get("X")).toBeCloseTo(0.28125, 10);
    // Unrated, the same map gives X = 0.5 × (1 − 0.25) = 0.375: ratings move the score.
    const unrated = computeStrengths(buildMapTree(doc), new Map(), countCitations(readCitations(doc)));
    expect(unrated.get("X")).toBeCloseTo(0.375, 10);
  });

  it("keys ratings by claim id, so a moved claim keeps its score inputs", () => {
    const doc = rated();
    const ratings = new Map([["K", [4]]]);
    moveClaim(doc, "K", "Z", 0);
    const s = computeStrengths(buildMapTree(doc), ratings, countCitations(readCitations(doc)));
    // K still 1; now it attacks Z: 0.5 × (1 − 0.5) = 0.25, and X is an unopposed 0.5.
    expect(s.get("K")).toBe(1);
    expect(s.get("Z")).toBeCloseTo(0.25, 10);
    expect(s.get("X")).toBeCloseTo(0.5, 10);
  });
});
