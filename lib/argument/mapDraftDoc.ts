import * as Y from "yjs";
import type { MapDraft, DraftClaim, DraftSource } from "../interchange/mapDraft";
import { citationsMap, claimsMap, linksMap, metaMap, readCitations, readLinks, readMeta } from "./claimSchema";
import { claimBodyFragment, claimBodyJSON, claimPlainText, setClaimBodyJSON, setClaimPlainText } from "./claimBody";
import { orderBetween } from "./claimOrder";
import { buildMapTree, type TreeNode } from "./mapTree";
import { newId } from "./newId";
import { projectMap, type MapProjection } from "./mapProjection";

/** Where each draft source was stored (its Source id and version). */
export type StoredSources = ReadonlyMap<string, { id: string; version: number }>;

/**
 * A new map document from a draft, written in one transaction with plain Y.Map sets (the
 * per-claim addClaim re-sorts all siblings each time: quadratic for a 2,000-claim import).
 * The document follows docs/yjs-schema.md; `title` and `tags` are additive claim keys.
 */
export function buildDocFromDraft(draft: MapDraft, authorId: string, sources: StoredSources = new Map()): Y.Doc {
  const doc = new Y.Doc();
  const ids = new Map<string, string>();
  const lastOrder = new Map<string, string>();
  const now = Date.now();
  const insert = (key: string | null, kind: "question" | "position" | "claim", parentId: string | null, claim: DraftClaim | null, text: string) => {
    const id = newId();
    if (key !== null) ids.set(key, id);
    const order = orderBetween(parentId === null ? null : (lastOrder.get(parentId) ?? null), null);
    if (parentId !== null) lastOrder.set(parentId, order);
    const y = new Y.Map<unknown>();
    y.set("id", id);
    y.set("kind", kind);
    if (claim?.stance) y.set("stance", claim.stance);
    y.set("parentId", parentId);
    y.set("order", order);
    y.set("authorId", authorId);
    y.set("createdAt", now);
    if (claim?.title) y.set("title", claim.title);
    if (claim?.tags && claim.tags.length > 0) y.set("tags", [...claim.tags]);
    const body = new Y.XmlFragment();
    y.set("body", body);
    claimsMap(doc).set(id, y);
    if (claim?.body) setClaimBodyJSON(body, claim.body);
    else setClaimPlainText(body, text);
    return id;
  };
  doc.transact(() => {
    const meta = metaMap(doc);
    meta.set("title", draft.title);
    meta.set("question", draft.question);
    const sourceIds = new Y.Array<string>();
    sourceIds.push([...new Set([...sources.values()].map((s) => s.id))]);
    meta.set("sourceIds", sourceIds);
    const questionId = insert(null, "question", null, null, draft.question);
    for (const claim of draft.claims) {
      const parentId = claim.parentKey === null ? questionId : ids.get(claim.parentKey);
      if (!parentId) throw new Error(`Draft claim ${claim.key} comes before its parent ${claim.parentKey}`);
      insert(claim.key, claim.kind, parentId, claim, claim.text);
    }
    for (const link of draft.links) {
      const fromId = ids.get(link.fromKey);
      const toId = ids.get(link.toKey);
      if (!fromId || !toId || fromId === toId) continue;
      const id = newId();
      const y = new Y.Map<unknown>();
      y.set("id", id);
      y.set("fromId", fromId);
      y.set("toId", toId);
      y.set("stance", link.stance);
      linksMap(doc).set(id, y);
    }
    for (const c of draft.citations) {
      const claimId = ids.get(c.claimKey);
      const source = sources.get(c.sourceKey);
      if (!claimId || !source) continue;
      const id = newId();
      const y = new Y.Map<unknown>();
      y.set("id", id);
      y.set("claimId", claimId);
      y.set("sourceId", source.id);
      y.set("sourceVersion", source.version);
      y.set("exact", c.exact);
      y.set("prefix", c.prefix);
      y.set("suffix", c.suffix);
      y.set("start", c.start);
      y.set("end", c.end);
      y.set("tag", c.tag);
      y.set("note", c.note);
      y.set("highlights", c.highlights.map(([s, e]) => [s, e]));
      y.set("authorId", authorId);
      y.set("createdAt", now);
      citationsMap(doc).set(id, y);
    }
  });
  return doc;
}

/** The state and projection a new map is stored with. */
export function draftMapState(draft: MapDraft, authorId: string, sources: StoredSources = new Map()): { state: Uint8Array; projection: MapProjection } {
  const doc = buildDocFromDraft(draft, authorId, sources);
  try {
    return { state: Y.encodeStateAsUpdate(doc), projection: projectMap(doc) };
  } finally {
    doc.destroy();
  }
}

/** What an export knows of a source beside the doc: its cite fields and the text of each cited version. */
export interface SourceForDraft extends Omit<DraftSource, "key" | "text"> {
  id: string;
  textOfVersion(version: number): string | null;
}

function stringArray(value: unknown): string[] | undefined {
  if (!Array.isArray(value)) return undefined;
  const out = value.filter((v): v is string => typeof v === "string" && v !== "");
  return out.length > 0 ? out : undefined;
}

/**
 * The map as a draft: the tree under the root question (detached subtrees are left out,
 * as the outline shows them apart), the links between claims in it, and the cards whose
 * source version is known. Draft keys are the claim ids; a source's key is `<id>@v<version>`
 * (a card points into one version's text).
 */
export function draftFromDoc(doc: Y.Doc, sources: ReadonlyMap<string, SourceForDraft> = new Map()): MapDraft {
  const meta = readMeta(doc);
  const tree = buildMapTree(doc);
  const claims: DraftClaim[] = [];
  const inTree = new Set<string>();
  const visit = (node: TreeNode, parentKey: string | null) => {
    const c = node.claim;
    const y = claimsMap(doc).get(c.id);
    const fragment = claimBodyFragment(doc, c.id);
    const title = y?.get("title");
    const tags = stringArray(y?.get("tags"));
    claims.push({
      key: c.id,
      kind: parentKey === null ? "position" : "claim",
      parentKey,
      stance: parentKey === null ? null : (c.stance ?? "pro"),
      text: fragment ? claimPlainText(fragment) : "",
      body: fragment ? claimBodyJSON(fragment) : { type: "doc" },
      ...(typeof title === "string" && title !== "" ? { title } : {}),
      ...(tags ? { tags } : {}),
    });
    inTree.add(c.id);
    for (const child of node.children) visit(child, c.id);
  };
  // Positions sit directly under the question; a position nested deeper (a peer moved it)
  // exports as a pro claim of its parent, since drafts keep positions at the top.
  for (const child of tree.root?.children ?? []) visit(child, null);
  const question = tree.root ? claimPlainText(claimBodyFragment(doc, tree.root.claim.id) ?? new Y.XmlFragment()) : "";
  // Ids are random, so links and cards are ordered by the tree instead: the same map always
  // gives the same file.
  const position = new Map(claims.map((c, i) => [c.key, i]));
  const links = readLinks(doc)
    .filter((l) => inTree.has(l.fromId) && inTree.has(l.toId))
    .sort((a, b) => position.get(a.fromId)! - position.get(b.fromId)! || position.get(a.toId)! - position.get(b.toId)! || (a.stance < b.stance ? -1 : a.stance > b.stance ? 1 : 0))
    .map((l) => ({ fromKey: l.fromId, toKey: l.toId, stance: l.stance }));
  const draftSources = new Map<string, DraftSource>();
  const citations: MapDraft["citations"] = [];
  const cards = readCitations(doc)
    .filter((c) => inTree.has(c.claimId))
    .sort((a, b) => position.get(a.claimId)! - position.get(b.claimId)! || a.start - b.start || a.end - b.end || (a.exact < b.exact ? -1 : a.exact > b.exact ? 1 : 0));
  for (const c of cards) {
    const source = sources.get(c.sourceId);
    const text = source?.textOfVersion(c.sourceVersion);
    if (!source || text == null) continue;
    const key = `${source.id}@v${c.sourceVersion}`;
    if (!draftSources.has(key)) {
      const { id: _id, textOfVersion: _t, ...cite } = source;
      void _id;
      void _t;
      draftSources.set(key, { ...cite, key, text });
    }
    citations.push({ claimKey: c.claimId, sourceKey: key, exact: c.exact, prefix: c.prefix, suffix: c.suffix, start: c.start, end: c.end, tag: c.tag, note: c.note, highlights: c.highlights });
  }
  return { title: meta.title, question: question || meta.question, claims, links, sources: [...draftSources.values()], citations };
}
