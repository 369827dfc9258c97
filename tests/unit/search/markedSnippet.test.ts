import { describe, expect, it } from "vitest";
import { LESS_THAN_STAND_IN, MARK_END, MARK_START, parseMarkedSnippet } from "../../../lib/search/markedSnippet";

const marked = (s: string) => s.replaceAll("[", MARK_START).replaceAll("]", MARK_END).replaceAll("‹", LESS_THAN_STAND_IN);
const words = (r: { snippet: string; highlights: [number, number][] }) => r.highlights.map(([a, b]) => r.snippet.slice(a, b));

describe("parseMarkedSnippet", () => {
  it("turns ts_headline's marks into plain text and ranges", () => {
    const r = parseMarkedSnippet(marked("[Extradition] [works] when courts cooperate"), "extradition works");
    expect(r.snippet).toBe("Extradition works when courts cooperate");
    expect(words(r)).toEqual(["Extradition", "works"]);
  });

  it("gives back '<' and leaves markup as text", () => {
    const r = parseMarkedSnippet(marked(`‹img src=x onerror="alert(1)"> [drones]`), "drones");
    expect(r.snippet).toBe(`<img src=x onerror="alert(1)"> drones`);
    expect(words(r)).toEqual(["drones"]);
  });

  it("marks look-alike words when only trigrams matched (typos, partial words)", () => {
    expect(words(parseMarkedSnippet("Extradition of cartel leaders", "extradtion"))).toEqual(["Extradition"]);
    expect(words(parseMarkedSnippet("Mexican sovereignty matters", "sovereig"))).toEqual(["sovereignty"]);
    expect(parseMarkedSnippet("Nothing alike here", "zqxv").highlights).toEqual([]);
  });
});
