import { describe, it, expect } from "vitest";
import * as Y from "yjs";
import {
  addCitation,
  addClaim,
  citationsMap,
  claimBodyFragment,
  claimPlainText,
  claimsMap,
  deleteClaim,
  initMapDoc,
  readCitations,
  readClaim,
  setClaimText,
} from "../../../lib/argument";
import { newDoc, send } from "./docNetwork";

function undoFor(doc: Y.Doc, origin: unknown): Y.UndoManager {
  return new Y.UndoManager([claimsMap(doc), citationsMap(doc)], { trackedOrigins: new Set([origin]) });
}

describe("per-user undo with a local origin", () => {
  it("undoes only the local user's changes", () => {
    const a = newDoc(1);
    const b = newDoc(2);
    const q = initMapDoc(a, { title: "t", question: "q", authorId: "ua" });
    send(a, b);
    const local = { user: "ua" };
    const undo = undoFor(a, local);

    const mine = addClaim(a, { kind: "position", parentId: q, text: "mine", authorId: "ua" }, local);
    undo.stopCapturing();
    const theirs = addClaim(b, { kind: "position", parentId: q, text: "theirs", authorId: "ub" });
    send(b, a);
    setClaimText(a, mine, "mine edited", local);
    undo.stopCapturing();

    undo.undo();
    expect(claimPlainText(claimBodyFragment(a, mine)!)).toBe("mine");
    undo.undo();
    expect(readClaim(a, mine)).toBeNull();
    expect(readClaim(a, theirs)).not.toBeNull();
    expect(undo.canUndo()).toBe(false);

    undo.redo();
    expect(readClaim(a, mine)).not.toBeNull();
  });

  it("restores a deleted subtree and its citations in one step", () => {
    const doc = new Y.Doc();
    const q = initMapDoc(doc, { title: "t", question: "q", authorId: "u" });
    const local = Symbol("local");
    const p = addClaim(doc, { kind: "position", parentId: q, text: "P", authorId: "u" });
    const c = addClaim(doc, { kind: "claim", stance: "pro", parentId: p, text: "C", authorId: "u" });
    addCitation(doc, {
      claimId: c, sourceId: "s", sourceVersion: 1, exact: "e", prefix: "", suffix: "",
      start: 0, end: 1, tag: "", note: "", highlights: [[0, 1]], authorId: "u",
    });
    const undo = undoFor(doc, local);
    deleteClaim(doc, p, local);
    expect(readClaim(doc, c)).toBeNull();
    expect(readCitations(doc)).toHaveLength(0);

    undo.undo();
    expect(readClaim(doc, p)).not.toBeNull();
    expect(readClaim(doc, c)!.parentId).toBe(p);
    expect(claimPlainText(claimBodyFragment(doc, c)!)).toBe("C");
    expect(readCitations(doc)[0]).toMatchObject({ claimId: c, highlights: [[0, 1]] });
  });
});
