import * as Y from "yjs";

// The shape of the shared map document. Other clients (older builds, buggy peers,
// hand-edited snapshots) write into the same document, so every reader here treats
// the stored values as untrusted: it skips or defaults, and never throws.

export type ClaimKind = "question" | "position" | "claim";
export type Stance = "pro" | "con";

export interface ClaimData {
  id: string;
  kind: ClaimKind;
  stance: Stance | null;
  parentId: string | null;
  order: string;
  authorId: string | null;
  createdAt: number;
}

export interface CitationData {
  id: string;
  claimId: string;
  sourceId: string;
  sourceVersion: number;
  exact: string;
  prefix: string;
  suffix: string;
  start: number;
  end: number;
  tag: string;
  note: string;
  highlights: [number, number][];
  authorId: string | null;
  createdAt: number;
}

export interface LinkData {
  id: string;
  fromId: string;
  toId: string;
  stance: Stance;
}

export interface MapMeta {
  title: string;
  question: string;
  sourceIds: string[];
}

export const CLAIM_KINDS: readonly ClaimKind[] = ["question", "position", "claim"];
export const STANCES: readonly Stance[] = ["pro", "con"];

export function isClaimKind(value: unknown): value is ClaimKind {
  return typeof value === "string" && (CLAIM_KINDS as readonly string[]).includes(value);
}

export function isStance(value: unknown): value is Stance {
  return value === "pro" || value === "con";
}

export function metaMap(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap("meta");
}

export function claimsMap(doc: Y.Doc): Y.Map<Y.Map<unknown>> {
  return doc.getMap("claims");
}

export function citationsMap(doc: Y.Doc): Y.Map<Y.Map<unknown>> {
  return doc.getMap("citations");
}

export function linksMap(doc: Y.Doc): Y.Map<Y.Map<unknown>> {
  return doc.getMap("links");
}

function stringOr<T>(value: unknown, fallback: T): string | T {
  return typeof value === "string" ? value : fallback;
}

function finiteOr(value: unknown, fallback: number): number {
  return typeof value === "number" && Number.isFinite(value) ? value : fallback;
}

// The relational projection stores these as Int columns.
function nonNegativeInt(value: unknown): number {
  const n = finiteOr(value, 0);
  return n < 0 ? 0 : Math.trunc(n);
}

/**
 * The map key is authoritative for the id: a stored `id` field that disagrees with its
 * key would otherwise let one entry shadow another.
 */
export function claimFromYMap(key: string, value: unknown): ClaimData | null {
  if (!(value instanceof Y.Map)) return null;
  // A soft-delete flag is not something this module writes, but honouring it costs
  // nothing and keeps a peer that uses it from resurrecting claims here.
  if (value.get("deleted") === true) return null;
  const rawKind = value.get("kind");
  // An unknown kind is more likely a newer client than garbage: keep the claim (and its
  // text) visible as an ordinary claim rather than dropping it.
  const kind: ClaimKind = isClaimKind(rawKind) ? rawKind : "claim";
  const rawStance = value.get("stance");
  const parent = value.get("parentId");
  return {
    id: key,
    kind,
    stance: kind === "claim" && isStance(rawStance) ? rawStance : null,
    parentId: typeof parent === "string" && parent !== "" ? parent : null,
    order: stringOr(value.get("order"), ""),
    authorId: stringOr(value.get("authorId"), null),
    createdAt: finiteOr(value.get("createdAt"), 0),
  };
}

export function readClaim(doc: Y.Doc, id: string): ClaimData | null {
  return claimFromYMap(id, claimsMap(doc).get(id));
}

/** Sorted by id so every caller sees the same sequence whatever the insertion history. */
export function readAllClaims(doc: Y.Doc): ClaimData[] {
  const out: ClaimData[] = [];
  claimsMap(doc).forEach((value, key) => {
    const claim = claimFromYMap(key, value);
    if (claim) out.push(claim);
  });
  return out.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

function readHighlights(value: unknown): [number, number][] {
  const raw = value instanceof Y.Array ? value.toArray() : value;
  if (!Array.isArray(raw)) return [];
  const out: [number, number][] = [];
  for (const pair of raw) {
    if (!Array.isArray(pair) || pair.length < 2) continue;
    const [s, e] = pair;
    if (typeof s !== "number" || typeof e !== "number" || !Number.isFinite(s) || !Number.isFinite(e)) continue;
    if (e < s) continue;
    out.push([s, e]);
  }
  return out;
}

export function citationFromYMap(key: string, value: unknown): CitationData | null {
  if (!(value instanceof Y.Map)) return null;
  const claimId = value.get("claimId");
  const sourceId = value.get("sourceId");
  // Without these two the citation cannot be shown or resolved; everything else defaults.
  if (typeof claimId !== "string" || claimId === "" || typeof sourceId !== "string" || sourceId === "") return null;
  const start = nonNegativeInt(value.get("start"));
  const end = Math.max(start, nonNegativeInt(value.get("end")));
  return {
    id: key,
    claimId,
    sourceId,
    sourceVersion: nonNegativeInt(value.get("sourceVersion")),
    exact: stringOr(value.get("exact"), ""),
    prefix: stringOr(value.get("prefix"), ""),
    suffix: stringOr(value.get("suffix"), ""),
    start,
    end,
    tag: stringOr(value.get("tag"), ""),
    note: stringOr(value.get("note"), ""),
    highlights: readHighlights(value.get("highlights")),
    authorId: stringOr(value.get("authorId"), null),
    createdAt: finiteOr(value.get("createdAt"), 0),
  };
}

/** All well-formed citations, sorted by id. Citations of missing claims are included. */
export function readCitations(doc: Y.Doc): CitationData[] {
  const out: CitationData[] = [];
  citationsMap(doc).forEach((value, key) => {
    const citation = citationFromYMap(key, value);
    if (citation) out.push(citation);
  });
  return out.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/**
 * Links whose endpoints are both present claims, sorted by id. Deleting a claim leaves
 * its links stored, so undoing the delete brings them back; they are hidden meanwhile.
 */
export function readLinks(doc: Y.Doc): LinkData[] {
  const claims = claimsMap(doc);
  const out: LinkData[] = [];
  linksMap(doc).forEach((value, key) => {
    if (!(value instanceof Y.Map)) return;
    const fromId = value.get("fromId");
    const toId = value.get("toId");
    const stance = value.get("stance");
    if (typeof fromId !== "string" || typeof toId !== "string" || !isStance(stance)) return;
    if (fromId === toId) return;
    if (!claimFromYMap(fromId, claims.get(fromId)) || !claimFromYMap(toId, claims.get(toId))) return;
    out.push({ id: key, fromId, toId, stance });
  });
  return out.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

function readSourceIds(value: unknown): string[] {
  const raw = value instanceof Y.Array ? value.toArray() : value;
  if (!Array.isArray(raw)) return [];
  // Two clients adding the same source concurrently both append it.
  const seen = new Set<string>();
  for (const id of raw) if (typeof id === "string" && id !== "") seen.add(id);
  return [...seen];
}

export function readMeta(doc: Y.Doc): MapMeta {
  const meta = metaMap(doc);
  return {
    title: stringOr(meta.get("title"), ""),
    question: stringOr(meta.get("question"), ""),
    sourceIds: readSourceIds(meta.get("sourceIds")),
  };
}
