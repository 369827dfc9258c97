import * as Y from "yjs";
import { addCitation, addClaim, initMapDoc } from "../../../lib/argument";

/** A citation with nothing but its claim (the formula only counts cards). */
export function cite(doc: Y.Doc, claimId: string) {
  addCitation(doc, { claimId, sourceId: "s", sourceVersion: 1, exact: "x", prefix: "", suffix: "", start: 0, end: 1, tag: "t", note: "", highlights: [], authorId: null });
}

/**
 * q
 * ├─ P (position)
 * │  ├─ A pro, cited
 * │  │  └─ A1 con, uncited
 * │  ├─ B pro, uncited
 * │  └─ C con, cited
 * └─ Q (position)
 */
export function smallMap() {
  const doc = new Y.Doc();
  initMapDoc(doc, { title: "t", question: "q?", questionId: "q", authorId: null });
  addClaim(doc, { kind: "position", parentId: "q", id: "P", text: "P", authorId: null });
  addClaim(doc, { kind: "position", parentId: "q", id: "Q", text: "Q", authorId: null });
  addClaim(doc, { kind: "claim", stance: "pro", parentId: "P", id: "A", text: "A", authorId: null });
  addClaim(doc, { kind: "claim", stance: "con", parentId: "A", id: "A1", text: "A1", authorId: null });
  addClaim(doc, { kind: "claim", stance: "pro", parentId: "P", id: "B", text: "B", authorId: null });
  addClaim(doc, { kind: "claim", stance: "con", parentId: "P", id: "C", text: "C", authorId: null });
  cite(doc, "A");
  cite(doc, "C");
  return doc;
}
