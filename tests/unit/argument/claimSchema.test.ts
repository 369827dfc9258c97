import { describe, it, expect } from "vitest";
import * as Y from "yjs";
import {
  buildMapTree,
  citationsMap,
  claimsMap,
  initMapDoc,
  metaMap,
  readAllClaims,
  readCitations,
  readClaim,
  readMeta,
} from "../../../lib/argument";

describe("readers tolerate garbage written by other clients", () => {
  it("skips or defaults malformed claims", () => {
    const doc = new Y.Doc();
    const q = initMapDoc(doc, { title: "t", question: "q", authorId: null });
    const claims = claimsMap(doc) as unknown as Y.Map<unknown>;
    claims.set("str", "not a map");
    claims.set("num", 42);
    const odd = new Y.Map<unknown>();
    claims.set("odd", odd);
    odd.set("kind", "banana");
    odd.set("stance", "maybe");
    odd.set("parentId", 7);
    odd.set("order", { x: 1 });
    odd.set("createdAt", "yesterday");
    odd.set("id", "someone-else");
    const soft = new Y.Map<unknown>();
    claims.set("soft", soft);
    soft.set("kind", "claim");
    soft.set("parentId", q);
    soft.set("deleted", true);

    expect(readClaim(doc, "str")).toBeNull();
    expect(readClaim(doc, "soft")).toBeNull();
    expect(readClaim(doc, "odd")).toEqual({
      id: "odd",
      kind: "claim",
      stance: null,
      parentId: null,
      order: "",
      authorId: null,
      createdAt: 0,
    });
    expect(readAllClaims(doc).map((c) => c.id).sort()).toEqual(["odd", q].sort());
    const tree = buildMapTree(doc);
    expect(tree.detached.map((n) => n.claim.id)).toEqual(["odd"]);
  });

  it("skips citations without claim or source and defaults the rest", () => {
    const doc = new Y.Doc();
    const citations = citationsMap(doc) as unknown as Y.Map<unknown>;
    const bad = new Y.Map<unknown>();
    citations.set("bad", bad);
    bad.set("sourceId", "s");
    const partial = new Y.Map<unknown>();
    citations.set("partial", partial);
    partial.set("claimId", "c");
    partial.set("sourceId", "s");
    partial.set("start", 5);
    partial.set("end", 2);
    partial.set("sourceVersion", 2.7);
    partial.set("highlights", [[0, 1], "x", [3], [4, 2], [1, 2]]);
    citations.set("junk", null);
    const list = readCitations(doc);
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({
      id: "partial",
      exact: "",
      start: 5,
      end: 5,
      sourceVersion: 2,
      highlights: [[0, 1], [1, 2]],
      authorId: null,
    });
  });

  it("reads meta from missing, plain or duplicated values", () => {
    const doc = new Y.Doc();
    expect(readMeta(doc)).toEqual({ title: "", question: "", sourceIds: [] });
    metaMap(doc).set("title", 5);
    metaMap(doc).set("sourceIds", ["a", 3, "b", "a"]);
    expect(readMeta(doc)).toEqual({ title: "", question: "", sourceIds: ["a", "b"] });
  });
});
