import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { readCitations, readClaim } from "@/lib/argument/claimSchema";
import { addClaim, initMapDoc } from "@/lib/argument/mapOperations";
import { addCitationHighlight, addEvidenceFromSelection } from "@/lib/sources/evidenceFromSelection";

const text = "Intro.\nThe cartels have diversified into fuel theft and extortion, which strikes cannot reach.\nEnd.";

function setup() {
  const doc = new Y.Doc();
  const q = initMapDoc(doc, { title: "t", question: "q?", authorId: null });
  const pos = addClaim(doc, { kind: "position", parentId: q, text: "Cooperation", authorId: null });
  return { doc, pos };
}

describe("evidence from a selection", () => {
  it("creates a new con claim and a citation whose selector matches the text, in one undo step", () => {
    const { doc, pos } = setup();
    const origin = { me: 1 };
    const undo = new Y.UndoManager([doc.getMap("claims"), doc.getMap("citations")], { trackedOrigins: new Set([origin]) });
    const start = text.indexOf("diversified");
    const end = text.indexOf(", which");
    const { claimId, citationId } = addEvidenceFromSelection(
      doc,
      { text, range: { start, end }, sourceId: "s1", sourceVersion: 2, target: { kind: "new", parentId: pos, stance: "con", text: "Strikes miss the money" }, tag: " Diversified ", authorId: "u1" },
      origin,
    );
    expect(readClaim(doc, claimId)).toMatchObject({ kind: "claim", stance: "con", parentId: pos });
    const [c] = readCitations(doc);
    expect(c).toMatchObject({ id: citationId, claimId, sourceId: "s1", sourceVersion: 2, start, end, exact: "diversified into fuel theft and extortion", tag: "Diversified" });
    expect(c.prefix).toBe(text.slice(Math.max(0, start - 32), start));
    expect(c.suffix).toBe(text.slice(end, end + 32));
    expect(undo.undoStack).toHaveLength(1);
    undo.undo();
    expect(readClaim(doc, claimId)).toBeNull();
    expect(readCitations(doc)).toHaveLength(0);
  });

  it("cites an existing claim and refuses an empty or out-of-range selection", () => {
    const { doc, pos } = setup();
    addEvidenceFromSelection(doc, { text, range: { start: 0, end: 6 }, sourceId: "s", sourceVersion: 1, target: { kind: "existing", claimId: pos }, tag: "", authorId: null });
    expect(readCitations(doc)[0]).toMatchObject({ claimId: pos, exact: "Intro." });
    expect(() => addEvidenceFromSelection(doc, { text, range: { start: 5, end: 5 }, sourceId: "s", sourceVersion: 1, target: { kind: "existing", claimId: pos }, tag: "", authorId: null })).toThrow();
    expect(() => addEvidenceFromSelection(doc, { text, range: { start: 5, end: 999 }, sourceId: "s", sourceVersion: 1, target: { kind: "existing", claimId: pos }, tag: "", authorId: null })).toThrow();
    expect(() => addEvidenceFromSelection(doc, { text, range: { start: 0, end: 3 }, sourceId: "s", sourceVersion: 1, target: { kind: "existing", claimId: "nope" }, tag: "", authorId: null })).toThrow();
    expect(readCitations(doc)).toHaveLength(1);
  });

  it("adds merged highlights inside a quote", () => {
    const { doc, pos } = setup();
    const { citationId } = addEvidenceFromSelection(doc, { text, range: { start: 7, end: 40 }, sourceId: "s", sourceVersion: 1, target: { kind: "existing", claimId: pos }, tag: "", authorId: null });
    addCitationHighlight(doc, citationId, [0, 3]);
    addCitationHighlight(doc, citationId, [2, 6]);
    expect(readCitations(doc)[0].highlights).toEqual([[0, 6]]);
    expect(() => addCitationHighlight(doc, citationId, [10, 99])).toThrow();
  });
});
