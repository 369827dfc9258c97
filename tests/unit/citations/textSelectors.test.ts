import { describe, it, expect } from "vitest";
import { citationSelectorSchema, describeRange, selectorMatches } from "../../../lib/citations/textSelectors";
import { normalizeForMatching, prepareMatchingText, toOriginalRange } from "../../../lib/citations/matchingText";

const text = "Mexico recently elected Claudia Sheinbaum as its next president. She will take office amid these complex issues.";

describe("describeRange", () => {
  it("describes a range by quote, 32 characters of context each side and position", () => {
    const start = text.indexOf("Claudia");
    const sel = describeRange(text, start, start + "Claudia Sheinbaum".length);
    expect(sel).toEqual({
      exact: "Claudia Sheinbaum",
      prefix: "Mexico recently elected ",
      suffix: " as its next president. She will",
      start,
      end: start + 17,
    });
    expect(sel.suffix).toHaveLength(32);
    expect(selectorMatches(text, sel)).toBe(true);
    expect(selectorMatches(text.replace("Claudia", "Claudio"), sel)).toBe(false);
  });

  it("takes a custom context length and never splits a surrogate pair", () => {
    expect(describeRange(text, 7, 15, 4)).toMatchObject({ prefix: "ico ", exact: "recently", suffix: " ele" });
    const emoji = "ab😀cdEXACTef😀gh";
    const at = emoji.indexOf("EXACT");
    const sel = describeRange(emoji, at, at + 5, 3);
    expect(sel.prefix).toBe("cd"); // "\uDE00cd" would hold half an emoji
    expect(sel.suffix).toBe("ef");
  });

  it("rejects empty and out-of-range ranges", () => {
    expect(() => describeRange(text, 5, 5)).toThrow(RangeError);
    expect(() => describeRange(text, -1, 3)).toThrow(RangeError);
    expect(() => describeRange(text, 0, text.length + 1)).toThrow(RangeError);
  });
});

describe("citationSelectorSchema", () => {
  const valid = describeRange(text, 24, 41);

  it("accepts what describeRange produces", () => {
    expect(citationSelectorSchema.parse(valid)).toEqual(valid);
  });

  it.each([
    ["empty quote", { ...valid, exact: "", end: valid.start }],
    ["overlong quote", { ...valid, exact: "x".repeat(20_001), end: valid.start + 20_001 }],
    ["overlong prefix", { ...valid, prefix: "x".repeat(65) }],
    ["overlong suffix", { ...valid, suffix: "x".repeat(65) }],
    ["negative start", { ...valid, start: -1 }],
    ["fractional end", { ...valid, end: 40.5 }],
    ["end before start", { ...valid, start: 41, end: 24 }],
    ["length disagreeing with the quote", { ...valid, end: valid.end + 1 }],
  ])("rejects %s", (_, selector) => {
    expect(citationSelectorSchema.safeParse(selector).success).toBe(false);
  });
});

describe("matching text", () => {
  it("collapses whitespace, folds quote marks, drops invisible characters and maps back", () => {
    const original = "It’s  a\n\u00a0“fen\u00adtanyl”\u200b crisis";
    const prepared = prepareMatchingText(original);
    expect(prepared.normalized).toBe("It's a \"fentanyl\" crisis");
    const at = prepared.normalized.indexOf("a \"fentanyl\"");
    const range = toOriginalRange(prepared, at, at + "a \"fentanyl\"".length);
    expect(original.slice(range.start, range.end)).toBe("a\n\u00a0“fen\u00adtanyl”");
    expect(normalizeForMatching("  x \t y  ")).toBe(" x y ");
  });
});
