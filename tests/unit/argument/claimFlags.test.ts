import { describe, expect, it } from "vitest";
import { buildMapTree, readCitations } from "../../../lib/argument";
import { computeFlags } from "../../../lib/argument/claimFlags";
import { computeStrengths, countCitations } from "../../../lib/argument/claimStrength";
import { smallMap } from "./strengthFixtures";

function flagsFor(ratings: Map<string, number[]>) {
  const doc = smallMap();
  const tree = buildMapTree(doc);
  const counts = countCitations(readCitations(doc));
  return computeFlags(tree, computeStrengths(tree, ratings, counts), counts);
}

describe("computeFlags", () => {
  it("flags unsupported claims, unanswered cons and nothing on the question", () => {
    const flags = flagsFor(new Map());
    expect(flags.get("q")).toEqual([]);
    // A1: a con with no card and nothing under it
    expect(flags.get("A1")).toEqual(["unsupported", "unanswered"]);
    // A (0.5 × (1 − 0.5 × 0.375) = 0.40625) beats A1 (0.375): not contested
    expect(flags.get("A")).toEqual([]);
    expect(flags.get("B")).toEqual(["unsupported"]);
    // C: cited con, but no answer under it
    expect(flags.get("C")).toEqual(["unanswered"]);
    // Positions have no cards in this map
    expect(flags.get("P")).toEqual(["unsupported"]);
    expect(flags.get("Q")).toEqual(["unsupported"]);
  });

  it("flags a claim contested when one of its cons is stronger", () => {
    // A1 rated 4: 0.75 × 1 = 0.75; A: 0.5 × (1 − 0.5 × 0.75) = 0.3125 < 0.75
    const flags = flagsFor(new Map([["A1", [4]]]));
    expect(flags.get("A")).toEqual(["contested"]);
  });

  it("does not count a stronger pro child as contesting", () => {
    // B rated 4 (0.75) is a pro of P; C rated 4: 1.0 > P?
    // P: 0.5 × (1 + 0.5 × (0.40625 + 0.75) − 0.5 × 1) = 0.5 × 1.078125 = 0.5390625 < C = 1
    const flags = flagsFor(new Map([["B", [4]], ["C", [4]]]));
    expect(flags.get("P")).toEqual(["unsupported", "contested"]);
  });
});
