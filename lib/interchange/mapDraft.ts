import type { RichNode } from "../argument/claimBody";

/**
 * The one intermediate model every import produces and every export reads: a map as plain
 * data, with keys of its own (not database or Yjs ids). Converters go format → draft →
 * format; lib/argument/mapDraftDoc.ts turns a draft into a map document and back.
 */

export type DraftStance = "pro" | "con";

export interface DraftClaim {
  /** Unique within the draft. */
  key: string;
  /** A position answers the question (parentKey null); a claim argues for or against its parent. */
  kind: "position" | "claim";
  parentKey: string | null;
  /** pro/con for claims, null for positions. */
  stance: DraftStance | null;
  /** Plain text, one line per paragraph. */
  text: string;
  /** The rich body (ProseMirror JSON) when the format carries one (Claimboard JSON). */
  body?: RichNode;
  /** A short name (Argdown's `[title]`), kept so an export can reuse it. */
  title?: string;
  /** Argdown #tags, AIF scheme names. */
  tags?: string[];
}

/** A cross-link: `fromKey` also supports or attacks `toKey`, outside the tree. */
export interface DraftLink {
  fromKey: string;
  toKey: string;
  stance: DraftStance;
}

export interface DraftSource {
  key: string;
  title: string;
  author: string | null;
  authorQualifications: string | null;
  publisher: string | null;
  /** ISO dates. */
  publishedAt: string | null;
  url: string | null;
  accessedAt: string | null;
  /** The text the citations' offsets point into. */
  text: string;
}

/** An evidence card: a quote (W3C TextQuote + TextPosition selectors) from a source, on a claim. */
export interface DraftCitation {
  claimKey: string;
  sourceKey: string;
  exact: string;
  prefix: string;
  suffix: string;
  start: number;
  end: number;
  tag: string;
  note: string;
  highlights: [number, number][];
}

export interface MapDraft {
  title: string;
  question: string;
  /** Parents before their children; siblings in display order. */
  claims: DraftClaim[];
  links: DraftLink[];
  sources: DraftSource[];
  citations: DraftCitation[];
}

/** What an import made and what it left out, for the import report. */
export interface ImportReport {
  claims: number;
  links: number;
  skipped: string[];
}

export function emptyDraft(title: string, question: string): MapDraft {
  return { title, question, claims: [], links: [], sources: [], citations: [] };
}

export function reportOf(draft: MapDraft, skipped: string[]): ImportReport {
  return { claims: draft.claims.length, links: draft.links.length, skipped };
}

/** Children of each parent key (null: the question), in draft order. */
export function childrenByParent(draft: Pick<MapDraft, "claims">): Map<string | null, DraftClaim[]> {
  const out = new Map<string | null, DraftClaim[]>();
  for (const claim of draft.claims) {
    const list = out.get(claim.parentKey);
    if (list) list.push(claim);
    else out.set(claim.parentKey, [claim]);
  }
  return out;
}

/** The claims in tree pre-order (a position, its subtree, the next position …). */
export function preOrder(draft: Pick<MapDraft, "claims">): { claim: DraftClaim; depth: number }[] {
  const children = childrenByParent(draft);
  const out: { claim: DraftClaim; depth: number }[] = [];
  const stack = [...(children.get(null) ?? [])].reverse().map((claim) => ({ claim, depth: 0 }));
  while (stack.length > 0) {
    const item = stack.pop()!;
    out.push(item);
    const kids = children.get(item.claim.key) ?? [];
    for (let i = kids.length - 1; i >= 0; i--) stack.push({ claim: kids[i], depth: item.depth + 1 });
  }
  return out;
}
