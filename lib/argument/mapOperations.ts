import * as Y from "yjs";
import {
  citationsMap,
  claimsMap,
  isClaimKind,
  isStance,
  linksMap,
  metaMap,
  readAllClaims,
  readClaim,
  type CitationData,
  type ClaimData,
  type ClaimKind,
  type MapMeta,
  type Stance,
} from "./claimSchema";
import { setClaimPlainText } from "./claimBody";
import { compareSiblings, orderForIndex } from "./claimOrder";
import { newId } from "./newId";

// Every mutation runs in one doc.transact with the caller's origin, so a
// Y.UndoManager tracking that origin undoes exactly one user action per step, and
// remote peers receive it as one update.

export interface InitMapOptions {
  title: string;
  question: string;
  questionId?: string;
  authorId: string | null;
}

export interface AddClaimOptions {
  kind: ClaimKind;
  stance?: Stance | null;
  parentId: string | null;
  text?: string;
  authorId: string | null;
  id?: string;
  /** Position among the parent's current children; default last. */
  index?: number;
}

export type NewCitation = Omit<CitationData, "id" | "createdAt"> & { id?: string; createdAt?: number };

export interface NewLink {
  fromId: string;
  toId: string;
  stance: Stance;
  id?: string;
}

function sortedChildren(doc: Y.Doc, parentId: string, excludeId?: string): ClaimData[] {
  return readAllClaims(doc)
    .filter((c) => c.parentId === parentId && c.id !== excludeId)
    .sort(compareSiblings);
}

function requireClaim(doc: Y.Doc, id: string): ClaimData {
  const claim = readClaim(doc, id);
  if (!claim) throw new Error(`Claim ${id} does not exist`);
  return claim;
}

function ensureSourceIdArray(meta: Y.Map<unknown>): Y.Array<string> {
  const current = meta.get("sourceIds");
  if (current instanceof Y.Array) return current as Y.Array<string>;
  // A peer stored a plain array (or garbage): carry its strings over into a Y.Array.
  const fresh = new Y.Array<string>();
  if (Array.isArray(current)) fresh.push(current.filter((s): s is string => typeof s === "string" && s !== ""));
  meta.set("sourceIds", fresh);
  return fresh;
}

/** Sets the meta and creates the question claim; returns the question's id. */
export function initMapDoc(doc: Y.Doc, options: InitMapOptions, origin?: unknown): string {
  const questionId = options.questionId ?? newId();
  doc.transact(() => {
    const meta = metaMap(doc);
    meta.set("title", options.title);
    meta.set("question", options.question);
    ensureSourceIdArray(meta);
    // Re-running init with the same question id (a retried request) must not fork it.
    if (!readClaim(doc, questionId)) {
      insertClaim(doc, {
        id: questionId,
        kind: "question",
        stance: null,
        parentId: null,
        order: orderForIndex([]),
        authorId: options.authorId,
        text: options.question,
      });
    }
  }, origin);
  return questionId;
}

function insertClaim(
  doc: Y.Doc,
  c: Omit<ClaimData, "createdAt"> & { text: string },
): void {
  const claim = new Y.Map<unknown>();
  claim.set("id", c.id);
  claim.set("kind", c.kind);
  if (c.stance) claim.set("stance", c.stance);
  claim.set("parentId", c.parentId);
  claim.set("order", c.order);
  claim.set("authorId", c.authorId);
  claim.set("createdAt", Date.now());
  const body = new Y.XmlFragment();
  claim.set("body", body);
  claimsMap(doc).set(c.id, claim);
  // Filled after integration so the text is ordinary Yjs content, not prelim state.
  setClaimPlainText(body, c.text);
}

export function addClaim(doc: Y.Doc, options: AddClaimOptions, origin?: unknown): string {
  const { kind, parentId } = options;
  if (!isClaimKind(kind)) throw new Error(`Unknown claim kind: ${String(kind)}`);
  if (kind === "question" && parentId !== null) throw new Error("A question cannot have a parent");
  if (kind !== "question" && parentId === null) throw new Error(`A ${kind} needs a parent`);
  if (kind === "claim" && !isStance(options.stance)) throw new Error("A claim needs a stance (pro or con)");
  const id = options.id ?? newId();
  if (claimsMap(doc).has(id)) throw new Error(`Claim ${id} already exists`);
  doc.transact(() => {
    if (parentId !== null) requireClaim(doc, parentId);
    const siblings = parentId === null ? [] : sortedChildren(doc, parentId);
    insertClaim(doc, {
      id,
      kind,
      stance: kind === "claim" ? (options.stance as Stance) : null,
      parentId,
      order: orderForIndex(siblings, options.index),
      authorId: options.authorId,
      text: options.text ?? "",
    });
  }, origin);
  return id;
}

export function setClaimText(doc: Y.Doc, id: string, text: string, origin?: unknown): void {
  doc.transact(() => {
    requireClaim(doc, id);
    let body = claimsMap(doc).get(id)!.get("body");
    if (!(body instanceof Y.XmlFragment)) {
      // A peer left the body missing or malformed; replace it so the claim is editable.
      body = new Y.XmlFragment();
      claimsMap(doc).get(id)!.set("body", body);
    }
    setClaimPlainText(body as Y.XmlFragment, text);
  }, origin);
}

export function setStance(doc: Y.Doc, id: string, stance: Stance, origin?: unknown): void {
  if (!isStance(stance)) throw new Error(`Unknown stance: ${String(stance)}`);
  doc.transact(() => {
    const claim = requireClaim(doc, id);
    if (claim.kind !== "claim") throw new Error(`A ${claim.kind} has no stance`);
    claimsMap(doc).get(id)!.set("stance", stance);
  }, origin);
}

/**
 * Moves a claim (with its subtree) under `newParentId` at `index` among the new
 * siblings, counted without the moved claim; default last. Refuses moves that would make
 * a cycle locally; concurrent moves can still make one, which buildMapTree repairs.
 */
export function moveClaim(doc: Y.Doc, id: string, newParentId: string, index?: number, origin?: unknown): void {
  doc.transact(() => {
    const claim = requireClaim(doc, id);
    if (claim.kind === "question") throw new Error("The question cannot be moved");
    requireClaim(doc, newParentId);
    if (newParentId === id) throw new Error("A claim cannot be moved under itself");
    // Walk up from the new parent; bounded by the visited set because the stored
    // pointers may already contain a cycle made by concurrent moves.
    const seen = new Set<string>();
    for (let p: string | null = newParentId; p !== null && !seen.has(p); p = readClaim(doc, p)?.parentId ?? null) {
      if (p === id) throw new Error("A claim cannot be moved under its own descendant");
      seen.add(p);
    }
    const siblings = sortedChildren(doc, newParentId, id);
    const target = claimsMap(doc).get(id)!;
    target.set("parentId", newParentId);
    target.set("order", orderForIndex(siblings, index));
  }, origin);
}

/** Ids of `id` and everything stored below it (by stored parent pointers, cycle-safe). */
export function subtreeIds(doc: Y.Doc, id: string): string[] {
  const childrenOf = new Map<string, string[]>();
  for (const c of readAllClaims(doc)) {
    if (c.parentId === null) continue;
    const list = childrenOf.get(c.parentId);
    if (list) list.push(c.id);
    else childrenOf.set(c.parentId, [c.id]);
  }
  const out = new Set<string>([id]);
  const stack = [id];
  while (stack.length > 0) {
    for (const child of childrenOf.get(stack.pop()!) ?? []) {
      if (out.has(child)) continue;
      out.add(child);
      stack.push(child);
    }
  }
  return [...out];
}

/**
 * Deletes the claim, its subtree and their citations in one transaction, so one undo
 * restores all of it. Links are left in place (readLinks hides the dangling ones) so an
 * undo that does not track the links map still brings them back.
 */
export function deleteClaim(doc: Y.Doc, id: string, origin?: unknown): void {
  doc.transact(() => {
    const claim = requireClaim(doc, id);
    if (claim.kind === "question" && !hasOtherQuestion(doc, id)) throw new Error("The question cannot be deleted");
    const ids = new Set(subtreeIds(doc, id));
    const citations = citationsMap(doc);
    const doomed: string[] = [];
    citations.forEach((value, key) => {
      if (value instanceof Y.Map && ids.has(value.get("claimId") as string)) doomed.push(key);
    });
    for (const key of doomed) citations.delete(key);
    const claims = claimsMap(doc);
    for (const claimId of ids) claims.delete(claimId);
  }, origin);
}

// Concurrent inits can leave extra questions; deleting those is how a user tidies up.
function hasOtherQuestion(doc: Y.Doc, id: string): boolean {
  return readAllClaims(doc).some((c) => c.kind === "question" && c.id !== id);
}

/** The anchor of a citation: which source version and where in it (W3C quote + position). */
export interface CitationAnchor {
  sourceVersion: number;
  exact: string;
  prefix: string;
  suffix: string;
  start: number;
  end: number;
}

/** Writes a citation's anchor fields; shared by creation and re-anchoring so they never diverge. */
export function writeCitationAnchor(c: Y.Map<unknown>, anchor: CitationAnchor): void {
  c.set("sourceVersion", anchor.sourceVersion);
  c.set("exact", anchor.exact);
  c.set("prefix", anchor.prefix);
  c.set("suffix", anchor.suffix);
  c.set("start", anchor.start);
  c.set("end", anchor.end);
}

export function addCitation(doc: Y.Doc, data: NewCitation, origin?: unknown): string {
  const id = data.id ?? newId();
  if (!Number.isInteger(data.start) || !Number.isInteger(data.end) || data.start < 0 || data.end < data.start) {
    throw new Error(`Invalid citation range ${data.start}..${data.end}`);
  }
  doc.transact(() => {
    requireClaim(doc, data.claimId);
    const c = new Y.Map<unknown>();
    c.set("id", id);
    c.set("claimId", data.claimId);
    c.set("sourceId", data.sourceId);
    writeCitationAnchor(c, data);
    c.set("tag", data.tag);
    c.set("note", data.note);
    // A plain JSON value: highlights are replaced wholesale, never merged character-wise.
    c.set("highlights", data.highlights.map(([s, e]) => [s, e]));
    c.set("authorId", data.authorId);
    c.set("createdAt", data.createdAt ?? Date.now());
    citationsMap(doc).set(id, c);
  }, origin);
  return id;
}

export function removeCitation(doc: Y.Doc, id: string, origin?: unknown): void {
  doc.transact(() => {
    citationsMap(doc).delete(id);
  }, origin);
}

export function addLink(doc: Y.Doc, link: NewLink, origin?: unknown): string {
  if (!isStance(link.stance)) throw new Error(`Unknown stance: ${String(link.stance)}`);
  if (link.fromId === link.toId) throw new Error("A claim cannot link to itself");
  const id = link.id ?? newId();
  doc.transact(() => {
    requireClaim(doc, link.fromId);
    requireClaim(doc, link.toId);
    const l = new Y.Map<unknown>();
    l.set("id", id);
    l.set("fromId", link.fromId);
    l.set("toId", link.toId);
    l.set("stance", link.stance);
    linksMap(doc).set(id, l);
  }, origin);
  return id;
}

export function removeLink(doc: Y.Doc, id: string, origin?: unknown): void {
  doc.transact(() => {
    linksMap(doc).delete(id);
  }, origin);
}

/** Updates the given meta fields. `sourceIds` replaces the list. */
export function setMeta(doc: Y.Doc, meta: Partial<MapMeta>, origin?: unknown): void {
  doc.transact(() => {
    const m = metaMap(doc);
    if (meta.title !== undefined) m.set("title", meta.title);
    if (meta.question !== undefined) m.set("question", meta.question);
    if (meta.sourceIds !== undefined) {
      const ids = ensureSourceIdArray(m);
      ids.delete(0, ids.length);
      ids.push([...new Set(meta.sourceIds)]);
    }
  }, origin);
}

export function addSourceId(doc: Y.Doc, sourceId: string, origin?: unknown): void {
  doc.transact(() => {
    const ids = ensureSourceIdArray(metaMap(doc));
    if (!ids.toArray().includes(sourceId)) ids.push([sourceId]);
  }, origin);
}
