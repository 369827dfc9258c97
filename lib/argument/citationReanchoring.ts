import * as Y from "yjs";
import { citationFromYMap, citationsMap, readCitations, type CitationData } from "./claimSchema";
import { writeCitationAnchor } from "./mapOperations";
import { reanchorThroughVersions, type ReanchorSummary } from "../citations/reanchorCitations";
import { describeRange } from "../citations/textSelectors";

export interface ReanchorReport {
  summary: ReanchorSummary;
  /** Citations whose passage was not found: flagged `orphaned: true`, left on their old version. */
  orphaned: string[];
  /** Citations moved to an approximate match: flagged `reanchored: "fuzzy"` for review. */
  fuzzy: string[];
}

/** Citations of a source grouped by the version they are anchored in. */
export function citationsByVersion(citations: readonly CitationData[], sourceId: string, exceptVersion: number): Map<number, CitationData[]> {
  const out = new Map<number, CitationData[]>();
  for (const c of citations) {
    if (c.sourceId !== sourceId || c.sourceVersion === exceptVersion) continue;
    const list = out.get(c.sourceVersion);
    if (list) list.push(c);
    else out.set(c.sourceVersion, [c]);
  }
  return out;
}

/**
 * Moves the given citations (all anchored in `oldText`) onto `newText` (version `newVersion`) in
 * one transaction, through the versions in between (`between`, oldest first) when there are any. Anchored ones get a fresh selector described from
 * the new text (so quote and position always agree); orphaned ones keep their old version and
 * selector and are flagged for review, never moved to a guessed passage.
 */
export function applyReanchoring(
  doc: Y.Doc,
  input: { oldText: string; between?: readonly string[]; newText: string; newVersion: number; citations: readonly CitationData[] },
  origin?: unknown,
): ReanchorReport {
  const texts = [input.oldText, ...(input.between ?? []), input.newText];
  const { results, summary } = reanchorThroughVersions(texts, input.citations.map((c) => ({ id: c.id, exact: c.exact, prefix: c.prefix, suffix: c.suffix, start: c.start, end: c.end })));
  const orphaned: string[] = [];
  const fuzzy: string[] = [];
  doc.transact(() => {
    const map = citationsMap(doc);
    for (const r of results) {
      const value = map.get(r.id);
      if (!(value instanceof Y.Map) || !citationFromYMap(r.id, value)) continue;
      if (r.status === "orphaned" || r.start === undefined || r.end === undefined || r.end <= r.start || r.end > input.newText.length) {
        value.set("orphaned", true);
        orphaned.push(r.id);
        continue;
      }
      writeCitationAnchor(value, { sourceVersion: input.newVersion, ...describeRange(input.newText, r.start, r.end) });
      value.delete("orphaned");
      if (r.status === "fuzzy") {
        value.set("reanchored", "fuzzy");
        // Highlights are offsets into the old quote; a changed quote cannot keep them safely.
        value.set("highlights", []);
        fuzzy.push(r.id);
      } else value.delete("reanchored");
    }
  }, origin);
  return { summary, orphaned, fuzzy };
}

/**
 * After version `newVersion` of a source was imported: re-anchors every citation of it that is on
 * an older version, each group through all the versions from its own to the new one (a card left on
 * v1 while v2 was imported elsewhere goes v1 → v2 → v3). `loadText` fetches one version's text;
 * each is loaded once.
 */
export async function reanchorSourceCitations(
  doc: Y.Doc,
  input: { sourceId: string; newVersion: number; loadText: (version: number) => Promise<string> },
  origin?: unknown,
): Promise<ReanchorReport & { moved: number }> {
  const texts = new Map<number, Promise<string>>();
  const load = (v: number) => {
    let text = texts.get(v);
    if (!text) texts.set(v, (text = input.loadText(v)));
    return text;
  };
  const groups = [...citationsByVersion(readCitations(doc), input.sourceId, input.newVersion)].filter(([v]) => v < input.newVersion);
  const report: ReanchorReport & { moved: number } = { summary: { exactPosition: 0, exactNearby: 0, fuzzy: 0, orphaned: 0 }, orphaned: [], fuzzy: [], moved: 0 };
  for (const [oldVersion, citations] of groups) {
    const chain = await Promise.all(Array.from({ length: input.newVersion - oldVersion + 1 }, (_, k) => load(oldVersion + k)));
    const step = applyReanchoring(doc, { oldText: chain[0], between: chain.slice(1, -1), newText: chain[chain.length - 1], newVersion: input.newVersion, citations }, origin);
    for (const key of Object.keys(report.summary) as (keyof ReanchorSummary)[]) report.summary[key] += step.summary[key];
    report.orphaned.push(...step.orphaned);
    report.fuzzy.push(...step.fuzzy);
    report.moved += citations.length - step.orphaned.length;
  }
  return report;
}

/** Citations flagged for review: orphaned (not found in the new version) or moved to an approximate match. */
export function citationsNeedingReview(doc: Y.Doc, sourceId: string): { citation: CitationData; reason: "orphaned" | "fuzzy" }[] {
  const out: { citation: CitationData; reason: "orphaned" | "fuzzy" }[] = [];
  citationsMap(doc).forEach((value, key) => {
    const c = citationFromYMap(key, value);
    if (!c || c.sourceId !== sourceId) return;
    if (value.get("orphaned") === true) out.push({ citation: c, reason: "orphaned" });
    else if (value.get("reanchored") === "fuzzy") out.push({ citation: c, reason: "fuzzy" });
  });
  return out.sort((a, b) => (a.citation.id < b.citation.id ? -1 : 1));
}

/** Marks a reviewed fuzzy move as accepted. */
export function acceptReanchoring(doc: Y.Doc, citationId: string, origin?: unknown): void {
  doc.transact(() => {
    const value = citationsMap(doc).get(citationId);
    if (value instanceof Y.Map) value.delete("reanchored");
  }, origin);
}
