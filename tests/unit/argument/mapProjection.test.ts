import { describe, it, expect } from "vitest";
import {
  addCitation,
  addClaim,
  addLink,
  addSourceId,
  deleteClaim,
  initMapDoc,
  projectMap,
} from "../../../lib/argument";
import { newDoc, syncAll } from "./docNetwork";

describe("projectMap", () => {
  it("lists every valid claim with its text, parents first, and drops orphaned citations", () => {
    const a = newDoc(1);
    const b = newDoc(2);
    const q = initMapDoc(a, { title: "Map", question: "Q?", questionId: "q", authorId: "u" });
    addSourceId(a, "s1");
    const p = addClaim(a, { kind: "position", parentId: q, id: "p", text: "Pos", authorId: "u" });
    const x = addClaim(a, { kind: "claim", stance: "pro", parentId: p, id: "x", text: "X\nmore", authorId: "u" });
    syncAll([a, b]);
    deleteClaim(a, x);
    addClaim(b, { kind: "claim", stance: "con", parentId: x, id: "z", text: "Z", authorId: "u2" });
    const cite = (claimId: string) => ({
      claimId, sourceId: "s1", sourceVersion: 1, exact: "e", prefix: "", suffix: "",
      start: 0, end: 1, tag: "", note: "", highlights: [] as [number, number][], authorId: null,
    });
    addCitation(b, cite(x));
    const kept = addCitation(b, cite("z"));
    addLink(b, { fromId: "z", toId: p, stance: "con" });
    syncAll([a, b]);

    const projection = projectMap(a);
    expect(projection).toEqual(projectMap(b));
    expect(projection.meta).toEqual({ title: "Map", question: "Q?", sourceIds: ["s1"] });
    expect(projection.claims.map((c) => [c.id, c.text, c.treeParentId, c.detached, c.depth])).toEqual([
      ["q", "Q?", null, false, 0],
      ["p", "Pos", "q", false, 1],
      ["z", "Z", null, true, 0],
    ]);
    expect(projection.claims[2]).toMatchObject({ parentId: "x", kind: "claim", stance: "con", authorId: "u2" });
    expect(projection.citations.map((c) => c.id)).toEqual([kept]);
    expect(projection.links).toHaveLength(1);
  });
});
