import type { CitationData, MapProjection } from "../../lib/argument";
import {
  diffProjection,
  projectionHash,
  storedProjectionHash,
  rewriteStoredProjection,
  writeProjectionDiff,
  type WrittenProjection,
} from "../../lib/db/projectionStore";
import { findSourceVersionTexts } from "../../lib/db/sources";
import type { Database } from "../../lib/db/client";

/**
 * Source texts are immutable per version, so a room caches them for its lifetime; the
 * cache also remembers which bad citations were already logged, to log each once.
 */
export class SourceTextCache {
  readonly texts = new Map<string, string | null>();
  readonly reported = new Set<string>();
}

const key = (sourceId: string, version: number) => `${sourceId}@${version}`;

/**
 * One copy of each text per process (per database): every room of a class citing the same
 * article holds a reference instead of its own copy (200 open sample maps kept 200 copies of
 * the article, ~40 KB per idle room). Cleared when large; rooms keep what they reference.
 */
const sharedTexts = new WeakMap<Database, Map<string, string | null>>();
const SHARED_TEXTS_MAX = 500;

async function loadTexts(db: Database, cache: SourceTextCache, citations: readonly CitationData[]): Promise<void> {
  let shared = sharedTexts.get(db);
  if (!shared || shared.size > SHARED_TEXTS_MAX) sharedTexts.set(db, (shared = new Map()));
  const missing = new Map<string, { sourceId: string; version: number }>();
  for (const c of citations) {
    const k = key(c.sourceId, c.sourceVersion);
    if (cache.texts.has(k)) continue;
    if (shared.has(k)) cache.texts.set(k, shared.get(k)!);
    else missing.set(k, { sourceId: c.sourceId, version: c.sourceVersion });
  }
  if (missing.size === 0) return;
  const rows = await findSourceVersionTexts(db, [...missing.values()]);
  const found = new Map(rows.map((row) => [key(row.sourceId, row.version), row.text]));
  for (const k of missing.keys()) {
    const text = found.get(k) ?? null;
    cache.texts.set(k, text);
    // A version not found (yet) is not shared: it may be written later.
    if (text !== null) shared.set(k, text);
  }
}

/**
 * A citation's quote is evidence only if it is the source's exact words at its recorded
 * position. Any peer can write into the doc, so the server re-checks before the projection
 * (which search, export and reports trust) shows it.
 */
export async function verifiedCitations(
  db: Database,
  cache: SourceTextCache,
  mapId: string,
  citations: readonly CitationData[],
  log: (line: string) => void,
): Promise<{ kept: CitationData[]; dropped: number }> {
  await loadTexts(db, cache, citations);
  const kept: CitationData[] = [];
  let dropped = 0;
  for (const c of citations) {
    const text = cache.texts.get(key(c.sourceId, c.sourceVersion));
    const ok = text != null && c.start >= 0 && c.end >= c.start && c.end <= text.length && text.slice(c.start, c.end) === c.exact;
    if (ok) {
      kept.push(c);
      continue;
    }
    dropped++;
    if (!cache.reported.has(c.id)) {
      cache.reported.add(c.id);
      log(`collab: map ${mapId}: citation ${c.id} left out of the projection: its quote does not match ${text == null ? "any stored source version" : `source ${c.sourceId} v${c.sourceVersion} at ${c.start}..${c.end}`}`);
    }
  }
  return { kept, dropped };
}

/**
 * Brings the relational projection of a map in line with its doc (`projection`: projectMap of
 * it), writing only the rows that changed since `previous` (what this room wrote last; null:
 * compare with the stored ids).
 */
export async function refreshProjection(
  db: Database,
  cache: SourceTextCache,
  mapId: string,
  projection: MapProjection,
  log: (line: string) => void,
  previous: WrittenProjection | null,
): Promise<{ claims: number; citations: number; dropped: number; written: WrittenProjection; rowsChanged: number }> {
  const { kept, dropped } = await verifiedCitations(db, cache, mapId, projection.citations, log);
  const checked: MapProjection = { ...projection, citations: kept };
  const counts = { claims: checked.claims.length, citations: kept.length, dropped };
  // A room that wrote before diffs against what it wrote: no query at all when nothing
  // changed (formatting, typing that ends the same), else one statement (projectionDiffStatement).
  if (previous) {
    const diff = diffProjection(mapId, checked, previous);
    if (diff.rowsChanged > 0) await writeProjectionDiff(db, mapId, diff);
    return { ...counts, written: diff.written, rowsChanged: diff.rowsChanged };
  } else {
    // A room's first refresh: if the stored rows are the ones this doc implies (the usual
    // case: the map was closed after its last refresh), one column says so. Reading every
    // row back in a locked transaction instead cost ~6 queries per room load.
    const implied = diffProjection(mapId, checked, { claims: new Map(), citations: new Map(), title: "", question: "" }).written;
    const stored = await storedProjectionHash(db, mapId);
    if (stored !== null && stored === projectionHash(implied)) return { ...counts, written: implied, rowsChanged: 0 };
  }
  // Compared with the stored rows under the map's projection lock (rewriteStoredProjection).
  const diff = await rewriteStoredProjection(db, mapId, (stored) => diffProjection(mapId, checked, stored));
  return { ...counts, written: diff.written, rowsChanged: diff.rowsChanged };
}
