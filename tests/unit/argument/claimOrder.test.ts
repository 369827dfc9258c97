import { describe, it, expect } from "vitest";
import * as Y from "yjs";
import {
  addClaim,
  buildMapTree,
  compareSiblings,
  initMapDoc,
  orderBetween,
  orderForIndex,
  type ClaimData,
} from "../../../lib/argument";
import { newDoc, send, syncAll } from "./docNetwork";

function claim(id: string, order: string): ClaimData {
  return { id, kind: "claim", stance: "pro", parentId: "q", order, authorId: null, createdAt: 0 };
}

function childIds(doc: Y.Doc, parentId: string): string[] {
  return buildMapTree(doc).byId.get(parentId)!.children.map((n) => n.claim.id);
}

describe("orderBetween", () => {
  it("produces keys that sort between their bounds", () => {
    const a = orderBetween(null, null);
    const b = orderBetween(a, null);
    const mid = orderBetween(a, b);
    const first = orderBetween(null, a);
    expect([b, mid, a, first].sort()).toEqual([first, a, mid, b]);
  });

  it("does not throw on equal, reversed or invalid bounds", () => {
    const a = orderBetween(null, null);
    expect(orderBetween(a, a) > a).toBe(true);
    const b = orderBetween(a, null);
    expect(orderBetween(b, a) > b).toBe(true);
    expect(() => orderBetween("not a key!", null)).not.toThrow();
    expect(() => orderBetween("", "also bad")).not.toThrow();
  });
});

describe("compareSiblings", () => {
  it("orders by key then id", () => {
    const list = [claim("b", "a1"), claim("c", "a0"), claim("a", "a1")];
    expect(list.sort(compareSiblings).map((c) => c.id)).toEqual(["c", "a", "b"]);
  });
});

describe("orderForIndex", () => {
  it("inserts after a run of equal keys when no key fits between them", () => {
    const siblings = [claim("a", "a0"), claim("b", "a1"), claim("c", "a1"), claim("d", "a2")].sort(compareSiblings);
    const key = orderForIndex(siblings, 2);
    expect(key > "a1" && key < "a2").toBe(true);
  });

  it("clamps the index", () => {
    const siblings = [claim("a", "a0")];
    expect(orderForIndex(siblings, 99) > "a0").toBe(true);
    expect(orderForIndex(siblings, -3) < "a0").toBe(true);
  });
});

describe("ordering across documents", () => {
  it("keeps both concurrent inserts at the same position, in the same order everywhere", () => {
    const a = newDoc(1);
    const b = newDoc(2);
    const q = initMapDoc(a, { title: "t", question: "q?", authorId: "u1" });
    const p = addClaim(a, { kind: "position", parentId: q, text: "P", authorId: "u1" });
    const first = addClaim(a, { kind: "claim", stance: "pro", parentId: p, text: "first", authorId: "u1" });
    const last = addClaim(a, { kind: "claim", stance: "con", parentId: p, text: "last", authorId: "u1" });
    send(a, b);

    const fromA = addClaim(a, { kind: "claim", stance: "pro", parentId: p, text: "A", authorId: "u1", index: 1 });
    const fromB = addClaim(b, { kind: "claim", stance: "con", parentId: p, text: "B", authorId: "u2", index: 1 });
    syncAll([a, b]);

    const orderA = childIds(a, p);
    expect(orderA).toEqual(childIds(b, p));
    expect(orderA).toHaveLength(4);
    expect(orderA[0]).toBe(first);
    expect(orderA[3]).toBe(last);
    expect(new Set(orderA.slice(1, 3))).toEqual(new Set([fromA, fromB]));

    // The two concurrent inserts got the same key; inserting between them still works.
    const between = addClaim(a, { kind: "claim", stance: "pro", parentId: p, authorId: "u1", index: 2 });
    const after = childIds(a, p);
    expect(after).toHaveLength(5);
    expect(after.indexOf(between)).toBeGreaterThan(0);
    expect(after.indexOf(between)).toBeLessThan(4);
  });

  it("inserts at the requested index", () => {
    const doc = newDoc(1);
    const q = initMapDoc(doc, { title: "t", question: "q?", authorId: null });
    const x = addClaim(doc, { kind: "position", parentId: q, authorId: null });
    const y = addClaim(doc, { kind: "position", parentId: q, authorId: null });
    const z = addClaim(doc, { kind: "position", parentId: q, authorId: null, index: 0 });
    const w = addClaim(doc, { kind: "position", parentId: q, authorId: null, index: 2 });
    expect(childIds(doc, q)).toEqual([z, x, w, y]);
  });
});
