import { describe, it, expect } from "vitest";
import { readFileSync } from "node:fs";
import { reanchorAll, reanchorThroughVersions } from "../../../lib/citations/reanchorCitations";
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

  it("follows a sentence that grew by words inserted inside it, with its full new wording", () => {
    const quote = "Combating these groups is a key U.S. national security priority.";
    const c = citation("c", quote);
    // A linked clause inserted: 60% longer, far past the quote search's error budget.
    const grown = "Combating these groups, now listed as [terrorists](https://state.gov/fto), is a key U.S. national security priority.";
    const newText = article.replace(quote, grown);
    const [r] = reanchorAll(article, newText, [c]).results;
    expect(r).toMatchObject({ status: "fuzzy", exact: grown, start: newText.indexOf(grown) });
    expect(r.score).toBeGreaterThan(0.5);
  });

  it("never returns a partial span: an edit running past the quote's end is taken whole", () => {
    const quote = "Their operations are sophisticated and violent.";
    const edited = "Their operations are sophisticated and violent, a Senate report found.";
    const newText = article.replace(quote, edited);
    const [r] = reanchorAll(article, newText, [citation("c", quote)]).results;
    expect(r.exact).toBe(edited);
  });

  it("orphans a passage whose words are mostly gone, though a similar sentence stays elsewhere", () => {
    const quote = "Many believe his tough stance aimed to deter illegal drug trafficking.";
    const newText = article.replace(quote, "Supporters say the tough stance was about votes.") + "\nMany believe the stance aimed to deter illegal drug trafficking by cartels.";
    expect(reanchorAll(article, newText, [citation("c", quote)]).results[0].status).toBe("orphaned");
  });

  it("re-anchors through a chain of versions exactly as step by step", () => {
    const quote = "They challenge both Mexican and U.S. authorities.";
    const v2 = article.replace(quote, "They challenge both Mexican and U.S. federal authorities.");
    const v3 = "Editor's note: updated.\n" + v2.replace("They challenge both", "They increasingly challenge both");
    const c = citation("c", quote);
    const [chained] = reanchorThroughVersions([article, v2, v3], [c]).results;
    const [first] = reanchorAll(article, v2, [c]).results;
    const [second] = reanchorAll(v2, v3, [{ id: "c", ...describeRange(v2, first.start!, first.end!) }]).results;
    expect(chained).toMatchObject({ status: "fuzzy", start: second.start, end: second.end, exact: "They increasingly challenge both Mexican and U.S. federal authorities." });
    expect(chained.score).toBeCloseTo(first.score! * second.score!);
  });

  it("follows a passage through versions each of which kept most of it, where one diff across them cannot", () => {
    const quote = "The relationship between Trump and Sheinbaum would be crucial.";
    // Each revision keeps over half of the previous wording; v3 keeps a fifth of v1's.
    const v2 = article.replace(quote, "The relationship between the two presidents would be decisive.");
    const v3 = v2.replace("The relationship between the two presidents would be decisive.", "Ties between the two presidents will be decisive.");
    const c = citation("c", quote);
    expect(reanchorAll(article, v3, [c]).results[0].status).toBe("orphaned");
    const [r] = reanchorThroughVersions([article, v2, v3], [c]).results;
    expect(r).toMatchObject({ status: "fuzzy", exact: "Ties between the two presidents will be decisive." });
  });

  it("keeps a passage lost in an intermediate version orphaned", () => {
    const quote = "Their operations are sophisticated and violent.";
    const v2 = article.replace(quote + " ", "");
    const [r] = reanchorThroughVersions([article, v2, article], [citation("c", quote)]).results;
    expect(r.status).toBe("orphaned");
  });

  it("places a mid-clause start inside an edit that also rewrote the context by a character diff, on a whole word", () => {
    const oldText = "Officials said that border guards would stay at their posts through the winter.";
    const quote = "border guards would stay at their posts";
    const at = oldText.indexOf(quote);
    const newText = "Officials said the frontier guards would stay at their posts through the winter.";
    const [r] = reanchorAll(oldText, newText, [{ id: "c", ...describeRange(oldText, at, at + quote.length) }]).results;
    expect(r).toMatchObject({ status: "fuzzy", exact: "frontier guards would stay at their posts" });
  });
});
