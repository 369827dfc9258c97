import { describe, it, expect } from "vitest";
import * as Y from "yjs";
import {
  addCitation,
  addClaim,
  addLink,
  addSourceId,
  buildMapTree,
  claimBodyFragment,
  claimPlainText,
  claimsMap,
  deleteClaim,
  initMapDoc,
  metaMap,
  moveClaim,
  readAllClaims,
  readCitations,
  readClaim,
  readLinks,
  readMeta,
  removeCitation,
  removeLink,
  setClaimText,
  setMeta,
  setStance,
  type NewCitation,
} from "../../../lib/argument";

function citation(claimId: string): NewCitation {
  return {
    claimId,
    sourceId: "s1",
    sourceVersion: 1,
    exact: "quoted",
    prefix: "pre ",
    suffix: " post",
    start: 4,
    end: 10,
    tag: "evidence",
    note: "",
    highlights: [[0, 3]],
    authorId: "u1",
  };
}

function setup() {
  const doc = new Y.Doc();
  const q = initMapDoc(doc, { title: "Map", question: "Should we?", authorId: "u1" });
  const p = addClaim(doc, { kind: "position", parentId: q, text: "Yes", authorId: "u1" });
  const c = addClaim(doc, { kind: "claim", stance: "pro", parentId: p, text: "Because", authorId: "u1" });
  const d = addClaim(doc, { kind: "claim", stance: "con", parentId: c, text: "But", authorId: "u2" });
  return { doc, q, p, c, d };
}

describe("initMapDoc", () => {
  it("writes the meta and the question claim in the agreed schema", () => {
    const doc = new Y.Doc();
    const q = initMapDoc(doc, { title: "Map", question: "Should we?", questionId: "q1", authorId: "u1" });
    expect(q).toBe("q1");
    const meta = metaMap(doc);
    expect(meta.get("title")).toBe("Map");
    expect(meta.get("question")).toBe("Should we?");
    expect(meta.get("sourceIds")).toBeInstanceOf(Y.Array);
    const raw = claimsMap(doc).get("q1")!;
    expect(raw.get("id")).toBe("q1");
    expect(raw.get("kind")).toBe("question");
    expect(raw.has("stance")).toBe(false);
    expect(raw.get("parentId")).toBeNull();
    expect(typeof raw.get("order")).toBe("string");
    expect(raw.get("authorId")).toBe("u1");
    expect(typeof raw.get("createdAt")).toBe("number");
    expect(raw.get("body")).toBeInstanceOf(Y.XmlFragment);
    expect(claimPlainText(claimBodyFragment(doc, "q1")!)).toBe("Should we?");
    // Retrying with the same id must not add a second question.
    initMapDoc(doc, { title: "Map", question: "Should we?", questionId: "q1", authorId: "u1" });
    expect(readAllClaims(doc).filter((c) => c.kind === "question")).toHaveLength(1);
  });
});

describe("claim operations", () => {
  it("adds claims with text, stance and parents", () => {
    const { doc, q, p, c, d } = setup();
    expect(readClaim(doc, p)).toMatchObject({ kind: "position", stance: null, parentId: q });
    expect(readClaim(doc, c)).toMatchObject({ kind: "claim", stance: "pro", parentId: p, authorId: "u1" });
    expect(claimPlainText(claimBodyFragment(doc, d)!)).toBe("But");
    const tree = buildMapTree(doc);
    expect(tree.root!.claim.id).toBe(q);
    expect(tree.byId.get(d)!.depth).toBe(3);
  });

  it("rejects invalid additions with clear errors", () => {
    const { doc, q, p } = setup();
    expect(() => addClaim(doc, { kind: "claim", parentId: p, authorId: null })).toThrow(/stance/);
    expect(() => addClaim(doc, { kind: "position", parentId: "nope", authorId: null })).toThrow(/does not exist/);
    expect(() => addClaim(doc, { kind: "position", parentId: null, authorId: null })).toThrow(/parent/);
    expect(() => addClaim(doc, { kind: "position", parentId: q, authorId: null, id: p })).toThrow(/exists/);
  });

  it("sets text and stance", () => {
    const { doc, p, c } = setup();
    setClaimText(doc, c, "line one\nline two");
    expect(claimPlainText(claimBodyFragment(doc, c)!)).toBe("line one\nline two");
    setStance(doc, c, "con");
    expect(readClaim(doc, c)!.stance).toBe("con");
    expect(() => setStance(doc, p, "pro")).toThrow(/no stance/);
  });

  it("moves claims and refuses moves that make a cycle or move the question", () => {
    const { doc, q, p, c, d } = setup();
    const p2 = addClaim(doc, { kind: "position", parentId: q, text: "No", authorId: "u1" });
    moveClaim(doc, c, p2);
    expect(readClaim(doc, c)!.parentId).toBe(p2);
    expect(buildMapTree(doc).byId.get(d)!.depth).toBe(3);
    expect(() => moveClaim(doc, c, d)).toThrow(/descendant/);
    expect(() => moveClaim(doc, c, c)).toThrow(/itself/);
    expect(() => moveClaim(doc, q, p)).toThrow(/question/);
    expect(buildMapTree(doc).byId.get(p)!.children).toHaveLength(0);
  });

  it("moves to an index among the new siblings", () => {
    const { doc, q, p } = setup();
    const p2 = addClaim(doc, { kind: "position", parentId: q, authorId: "u1" });
    const p3 = addClaim(doc, { kind: "position", parentId: q, authorId: "u1" });
    moveClaim(doc, p3, q, 0);
    expect(buildMapTree(doc).root!.children.map((n) => n.claim.id)).toEqual([p3, p, p2]);
    moveClaim(doc, p3, q, 1);
    expect(buildMapTree(doc).root!.children.map((n) => n.claim.id)).toEqual([p, p3, p2]);
  });

  it("deletes a subtree with its citations", () => {
    const { doc, q, p, c, d } = setup();
    addCitation(doc, citation(d));
    const keep = addCitation(doc, citation(p));
    deleteClaim(doc, c);
    expect(readClaim(doc, c)).toBeNull();
    expect(readClaim(doc, d)).toBeNull();
    expect(readCitations(doc).map((x) => x.id)).toEqual([keep]);
    expect(() => deleteClaim(doc, q)).toThrow(/question/);
  });
});

describe("citations, links and meta", () => {
  it("stores citations in the agreed schema", () => {
    const { doc, c } = setup();
    const id = addCitation(doc, citation(c));
    const raw = doc.getMap("citations").get(id) as Y.Map<unknown>;
    expect(raw.get("highlights")).toEqual([[0, 3]]);
    expect(raw.get("start")).toBe(4);
    expect(readCitations(doc)[0]).toMatchObject({ id, claimId: c, exact: "quoted", end: 10, sourceVersion: 1 });
    expect(() => addCitation(doc, { ...citation(c), start: 5, end: 2 })).toThrow(/range/);
    removeCitation(doc, id);
    expect(readCitations(doc)).toEqual([]);
  });

  it("adds and removes links, hiding links to deleted claims", () => {
    const { doc, p, c, d } = setup();
    const id = addLink(doc, { fromId: d, toId: p, stance: "con" });
    expect(readLinks(doc)).toEqual([{ id, fromId: d, toId: p, stance: "con" }]);
    deleteClaim(doc, c);
    expect(readLinks(doc)).toEqual([]);
    removeLink(doc, id);
    expect(doc.getMap("links").size).toBe(0);
  });

  it("updates meta and source ids without duplicates", () => {
    const { doc } = setup();
    addSourceId(doc, "s1");
    addSourceId(doc, "s2");
    addSourceId(doc, "s1");
    setMeta(doc, { title: "Renamed" });
    expect(readMeta(doc)).toEqual({ title: "Renamed", question: "Should we?", sourceIds: ["s1", "s2"] });
    setMeta(doc, { sourceIds: ["s3"] });
    expect(readMeta(doc).sourceIds).toEqual(["s3"]);
  });
});
