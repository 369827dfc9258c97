import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { addClaim, buildMapTree, initMapDoc, metaMap } from "../../../lib/argument";
import { AFFIRMATIVE_KEY, readAffirmativePositionId, resolveSides, swapSides } from "../../../lib/argument/debateSides";
import { assembleBrief, briefSides } from "../../../lib/interchange/debateBrief";
import { SAMPLE_SOURCES, handMadeDoc, sampleDoc } from "../interchange/briefFixtures";

describe("debate sides", () => {
  it("defaults to the first position: direct intervention is affirmative in the sample", () => {
    const doc = sampleDoc();
    expect(readAffirmativePositionId(doc)).toBeNull();
    const brief = assembleBrief(doc, "aff", SAMPLE_SOURCES);
    expect(brief.position?.text).toMatch(/^Direct intervention/);
  });

  it("swapping stores the other position, and the briefs follow it", () => {
    const doc = sampleDoc();
    const before = briefSides(doc);
    expect(swapSides(doc, buildMapTree(doc))).toBe(true);
    expect(metaMap(doc).get(AFFIRMATIVE_KEY)).toBe(before.neg);
    expect(briefSides(doc)).toEqual({ aff: before.neg, neg: before.aff });
    expect(assembleBrief(doc, "aff", SAMPLE_SOURCES).position?.text).toMatch(/^Cooperation/);
    expect(assembleBrief(doc, "neg", SAMPLE_SOURCES).position?.text).toMatch(/^Direct intervention/);
    // Swapping back restores the default assignment.
    swapSides(doc, buildMapTree(doc));
    expect(briefSides(doc)).toEqual(before);
  });

  it("reaches other replicas as an ordinary doc update", () => {
    const a = handMadeDoc();
    const b = new Y.Doc();
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    swapSides(a, buildMapTree(a));
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)));
    expect(briefSides(b)).toEqual({ aff: "Q", neg: "P" });
  });

  it("ignores a stored id that is not a position, and an explicit choice wins", () => {
    const doc = handMadeDoc();
    metaMap(doc).set(AFFIRMATIVE_KEY, "A"); // a claim, not a position
    const tree = buildMapTree(doc);
    expect(resolveSides(tree, readAffirmativePositionId(doc))).toEqual({ aff: "P", neg: "Q" });
    expect(resolveSides(tree, "Q", "P")).toEqual({ aff: "P", neg: "Q" });
  });

  it("has nothing to swap with a single position", () => {
    const doc = new Y.Doc();
    initMapDoc(doc, { title: "t", question: "q?", questionId: "q", authorId: null });
    addClaim(doc, { kind: "position", parentId: "q", id: "P", authorId: null });
    expect(swapSides(doc, buildMapTree(doc))).toBe(false);
    expect(readAffirmativePositionId(doc)).toBeNull();
  });
});
