"use client";

import { useCallback, useSyncExternalStore } from "react";
import type * as Y from "yjs";
import { metaMap } from "@/lib/argument/claimSchema";
import { readAffirmativePositionId, resolveSides, type DebateSides } from "@/lib/argument/debateSides";
import type { MapTree } from "@/lib/argument/mapTree";

/** The live aff/neg assignment: follows the doc's meta (a swap by anyone) and the tree. */
export function useDebateSides(doc: Y.Doc, tree: MapTree): DebateSides {
  const subscribe = useCallback(
    (listener: () => void) => {
      const meta = metaMap(doc);
      meta.observe(listener);
      return () => meta.unobserve(listener);
    },
    [doc],
  );
  const read = useCallback(() => readAffirmativePositionId(doc), [doc]);
  const stored = useSyncExternalStore(subscribe, read, read);
  return resolveSides(tree, stored);
}
