/** One hit as GET /api/search returns it (lib/db/search.ts SearchHit, over the wire). */
export interface SearchHitView {
  kind: "map" | "claim" | "evidence" | "comment" | "source";
  mapId: string;
  mapTitle: string;
  claimId?: string;
  sourceId?: string;
  title: string;
  snippet: string;
  highlights: [number, number][];
  path: string[];
}

export const KIND_LABELS: Record<SearchHitView["kind"], string> = {
  map: "Maps",
  claim: "Claims",
  evidence: "Evidence",
  comment: "Comments",
  source: "Sources",
};

/** Hits grouped by kind, groups in the order of their best hit (the API's order is best first). */
export function groupHits(hits: SearchHitView[]): { kind: SearchHitView["kind"]; hits: SearchHitView[] }[] {
  const groups = new Map<SearchHitView["kind"], SearchHitView[]>();
  for (const hit of hits) {
    const group = groups.get(hit.kind);
    if (group) group.push(hit);
    else groups.set(hit.kind, [hit]);
  }
  return [...groups].map(([kind, list]) => ({ kind, hits: list }));
}
