"use client";

import { useState, useSyncExternalStore } from "react";
import * as Y from "yjs";
import { buildMapTree, type MapTree } from "@/lib/argument/mapTree";
import { citationsMap, claimsMap, readCitations, type CitationData } from "@/lib/argument/claimSchema";

export interface MapTreeView {
  tree: MapTree;
  citationsByClaim: Map<string, CitationData[]>;
  citationCount: number;
}

function computeView(doc: Y.Doc): MapTreeView {
  const tree = buildMapTree(doc);
  const citations = readCitations(doc);
  const citationsByClaim = new Map<string, CitationData[]>();
  for (const c of citations) {
    const list = citationsByClaim.get(c.claimId);
    if (list) list.push(c);
    else citationsByClaim.set(c.claimId, [c]);
  }
  for (const list of citationsByClaim.values()) list.sort((a, b) => a.start - b.start || (a.id < b.id ? -1 : 1));
  return { tree, citationsByClaim, citationCount: citations.length };
}

// Text edits inside a claim body do not change the tree; each row watches its own body.
function isStructural(events: Y.YEvent<Y.AbstractType<unknown>>[]): boolean {
  return events.some((e) => e.target instanceof Y.Map);
}

class TreeStore {
  private view: MapTreeView | null = null;
  constructor(private readonly doc: Y.Doc) {}

  subscribe = (listener: () => void) => {
    const onClaims = (events: Y.YEvent<Y.AbstractType<unknown>>[]) => {
      if (!isStructural(events)) return;
      this.view = null;
      listener();
    };
    const onCitations = () => {
      this.view = null;
      listener();
    };
    const claims = claimsMap(this.doc);
    const citations = citationsMap(this.doc);
    claims.observeDeep(onClaims);
    citations.observeDeep(onCitations);
    return () => {
      claims.unobserveDeep(onClaims);
      citations.unobserveDeep(onCitations);
    };
  };

  getSnapshot = (): MapTreeView => (this.view ??= computeView(this.doc));
}

/** The displayed tree (cycle-repaired) and citations, rebuilt on structural changes only. */
export function useMapTree(doc: Y.Doc): MapTreeView {
  const [store] = useState(() => new TreeStore(doc));
  return useSyncExternalStore(store.subscribe, store.getSnapshot, store.getSnapshot);
}
