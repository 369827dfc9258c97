import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { addCitation, addClaim, addLink, deleteClaim, initMapDoc, setClaimText, setMeta } from "../../../lib/argument";
import { touchesProjection } from "../../../server/collab/projectionTouch";

// The collab server refreshes the relational projection only after transactions that
// touched a projected root; a miss here would leave search and export stale.
describe("touchesProjection", () => {
  const setup = () => {
    const doc = new Y.Doc();
    const q = initMapDoc(doc, { title: "T", question: "Q?", authorId: null });
    const a = addClaim(doc, { kind: "claim", stance: "pro", parentId: q, text: "a", authorId: null });
    const b = addClaim(doc, { kind: "claim", stance: "con", parentId: q, text: "b", authorId: null });
    const seen: boolean[] = [];
    doc.on("afterTransaction", (tr: Y.Transaction) => seen.push(touchesProjection(doc, tr)));
    return { doc, q, a, b, seen };
  };

  it("is true for every kind of edit the projection reads, including nested text and deletions", () => {
    const { doc, q, a, b, seen } = setup();
    setClaimText(doc, a, "a, edited inside its body");
    deleteClaim(doc, b);
    setMeta(doc, { title: "Renamed" });
    addCitation(doc, { claimId: a, sourceId: "s", sourceVersion: 1, exact: "x", prefix: "", suffix: "", start: 0, end: 1, tag: "", note: "", highlights: [], authorId: null });
    addLink(doc, { fromId: a, toId: q, stance: "pro" });
    expect(seen).toEqual([true, true, true, true, true]);
  });

  it("is false for edits under other roots, and true when one transaction touches both", () => {
    const { doc, a, seen } = setup();
    doc.getMap("scratch").set("k", 1);
    doc.getText("notes").insert(0, "free text");
    doc.transact(() => {
      doc.getMap("scratch").set("k", 2);
      setClaimText(doc, a, "changed too");
    });
    expect(seen).toEqual([false, false, true]);
  });

  it("sees an update applied from another replica the same way", () => {
    const { doc, a, seen } = setup();
    const other = new Y.Doc();
    Y.applyUpdate(other, Y.encodeStateAsUpdate(doc));
    seen.length = 0;
    const before = Y.encodeStateVector(other);
    other.getMap("scratch").set("k", 1);
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(other, before));
    const mid = Y.encodeStateVector(other);
    setClaimText(other, a, "remote edit");
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(other, mid));
    expect(seen).toEqual([false, true]);
  });
});
