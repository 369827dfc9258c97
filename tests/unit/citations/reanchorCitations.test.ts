import { describe, it, expect } from "vitest";
import { readFileSync } from "node:fs";
import { reanchorAll } from "../../../lib/citations/reanchorCitations";
import { describeRange } from "../../../lib/citations/textSelectors";

const article = readFileSync(new URL("../../../prisma/seed/us-mexico-cartels.txt", import.meta.url), "utf8");

function citation(id: string, quote: string) {
  const at = article.indexOf(quote);
  return { id, ...describeRange(article, at, at + quote.length) };
}

describe("reanchorAll", () => {
  it("re-anchors every citation of a source and counts the outcomes", () => {
    const citations = [
      citation("kept", "Trump also pushed for stronger border security."), // before every edit
      citation("shifted", "Mexico values its sovereignty highly."),
      citation("edited", "They traffic vast amounts of fentanyl and other drugs into the U.S."),
      citation("deleted", "This makes them difficult to dislodge."),
    ];
    const newText = article
      .replace("They traffic vast amounts of fentanyl", "They smuggle vast amounts of fentanyl")
      .replace("This makes them difficult to dislodge. ", "")
      .replace("If elected,", "Should he be elected again,");
    const { results, summary } = reanchorAll(article, newText, citations);
    expect(results.map((r) => [r.id, r.status])).toEqual([
      ["kept", "exact-position"],
      ["shifted", "exact-nearby"],
      ["edited", "fuzzy"],
      ["deleted", "orphaned"],
    ]);
    expect(results[2].exact).toBe("They smuggle vast amounts of fentanyl and other drugs into the U.S.");
    for (const r of results) if (r.status !== "orphaned") expect(newText.slice(r.start, r.end)).toBe(r.exact);
    expect(summary).toEqual({ exactPosition: 1, exactNearby: 1, fuzzy: 1, orphaned: 1 });
  });

  it("rebuilds missing context from the old text to pick the right duplicate", () => {
    const para = "Officials said the talks would resume next week.";
    const oldText = `Monday: ${para}\nTuesday: ${para}\n`;
    const at = oldText.lastIndexOf(para);
    // Stored without context: only the old text can tell the two copies apart.
    const stored = { id: "c", exact: para, prefix: "", suffix: "", start: at, end: at + para.length };
    const newText = `Monday: ${para}\nSunday recap.\nTuesday: ${para}\n`.replace("Monday:", "On Monday, ");
    const { results } = reanchorAll(oldText, newText, [stored]);
    expect(results[0].status).toBe("exact-nearby");
    expect(results[0].start).toBe(newText.lastIndexOf(para));
  });

  it("handles an unchanged source and no citations", () => {
    const c = citation("c", "Mexico values its sovereignty highly.");
    expect(reanchorAll(article, article, [c]).summary).toEqual({ exactPosition: 1, exactNearby: 0, fuzzy: 0, orphaned: 0 });
    expect(reanchorAll(article, "", [])).toEqual({
      results: [],
      summary: { exactPosition: 0, exactNearby: 0, fuzzy: 0, orphaned: 0 },
    });
  });
});
