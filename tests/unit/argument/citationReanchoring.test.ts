import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { citationsMap, readCitations } from "@/lib/argument/claimSchema";
import { addClaim, initMapDoc } from "@/lib/argument/mapOperations";
import { selectorMatches } from "@/lib/citations/textSelectors";
import { applyReanchoring, citationsByVersion, citationsNeedingReview, reanchorSourceCitations } from "@/lib/argument/citationReanchoring";
import { addEvidenceFromSelection } from "@/lib/sources/evidenceFromSelection";

const v1 = "Cartels run fuel theft rings across the north.\nStrikes would anger Mexico's government.\nA paragraph that will be deleted entirely from the text.";
const v2 = "New intro paragraph.\nCartels run fuel theft rings across the north.\nStrikes would anger Mexico's government.";

describe("re-anchoring a map's citations onto a new version", () => {
  it("moves found passages, flags lost ones as orphaned on their old version", () => {
    const doc = new Y.Doc();
    const q = initMapDoc(doc, { title: "t", question: "q", authorId: null });
    const p = addClaim(doc, { kind: "position", parentId: q, text: "P", authorId: null });
    const cite = (exact: string) => {
      const start = v1.indexOf(exact);
      return addEvidenceFromSelection(doc, { text: v1, range: { start, end: start + exact.length }, sourceId: "s", sourceVersion: 1, target: { kind: "existing", claimId: p }, tag: "", authorId: null }).citationId;
    };
    const moved = cite("Strikes would anger Mexico's government.");
    const lost = cite("A paragraph that will be deleted entirely");
    const groups = citationsByVersion(readCitations(doc), "s", 2);
    expect([...groups.keys()]).toEqual([1]);
    const report = applyReanchoring(doc, { oldText: v1, newText: v2, newVersion: 2, citations: groups.get(1)! });
    expect(report.orphaned).toEqual([lost]);
    const byId = new Map(readCitations(doc).map((c) => [c.id, c]));
    expect(byId.get(moved)).toMatchObject({ sourceVersion: 2, start: v2.indexOf("Strikes") });
    expect(selectorMatches(v2, byId.get(moved)!)).toBe(true);
    expect(byId.get(moved)!.prefix).toBe(v2.slice(v2.indexOf("Strikes") - 32, v2.indexOf("Strikes")));
    expect(byId.get(lost)).toMatchObject({ sourceVersion: 1 });
    expect(citationsMap(doc).get(lost)!.get("orphaned")).toBe(true);
    expect(citationsNeedingReview(doc, "s").map((r) => [r.citation.id, r.reason])).toEqual([[lost, "orphaned"]]);
  });

  it("moves every card on an older version onto the new one through the versions between, loading each once", async () => {
    const doc = new Y.Doc();
    const q = initMapDoc(doc, { title: "t", question: "q", authorId: null });
    const p = addClaim(doc, { kind: "position", parentId: q, text: "P", authorId: null });
    const versions = [
      "",
      "Cartels run fuel theft rings across the north. Strikes would anger Mexico's government.",
      "Cartels run large fuel theft rings across the north. Strikes would anger Mexico's government.",
      "Intro.\nCartels run large fuel theft rings across the north and the Bajío. Strikes would anger Mexico's government.",
    ];
    const cite = (version: number, exact: string) => {
      const start = versions[version].indexOf(exact);
      return addEvidenceFromSelection(doc, { text: versions[version], range: { start, end: start + exact.length }, sourceId: "s", sourceVersion: version, target: { kind: "existing", claimId: p }, tag: "", authorId: null }).citationId;
    };
    const onV1 = cite(1, "Cartels run fuel theft rings across the north.");
    const onV2 = cite(2, "Strikes would anger Mexico's government.");
    const loaded: number[] = [];
    const report = await reanchorSourceCitations(doc, { sourceId: "s", newVersion: 3, loadText: async (v) => (loaded.push(v), versions[v]) });
    expect(loaded.sort()).toEqual([1, 2, 3]);
    expect(report).toMatchObject({ moved: 2, orphaned: [], fuzzy: [onV1] });
    const byId = new Map(readCitations(doc).map((c) => [c.id, c]));
    expect(byId.get(onV1)).toMatchObject({ sourceVersion: 3, exact: "Cartels run large fuel theft rings across the north and the Bajío." });
    expect(byId.get(onV2)).toMatchObject({ sourceVersion: 3, exact: "Strikes would anger Mexico's government." });
    expect(citationsNeedingReview(doc, "s").map((r) => [r.citation.id, r.reason])).toEqual([[onV1, "fuzzy"]]);
  });
});
