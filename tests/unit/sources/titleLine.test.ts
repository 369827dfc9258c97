import { describe, expect, it } from "vitest";
import { looksLikeTitle } from "@/lib/sources/titleLine";

describe("looksLikeTitle", () => {
  it("takes a short line that is not a sentence for a title", () => {
    expect(looksLikeTitle("Trump’s Stance on Mexican Cartels: What It Means for U.S.-Mexico Relations")).toBe(true);
    expect(looksLikeTitle("Field notes")).toBe(true);
    expect(looksLikeTitle("Is intervention legal?")).toBe(true);
  });
  it("keeps a first sentence or a long line a paragraph", () => {
    expect(looksLikeTitle("Joint task forces seized record amounts of fentanyl precursors.")).toBe(false);
    expect(looksLikeTitle("He said “we will act.”")).toBe(false);
    expect(looksLikeTitle("word ".repeat(30))).toBe(false);
    expect(looksLikeTitle("   ")).toBe(false);
  });
});
