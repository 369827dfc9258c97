"use client";

import { useEffect, useRef } from "react";
import { useSearchParams } from "next/navigation";
import type { MapTree } from "@/lib/argument/mapTree";

/**
 * `/maps/<id>?claim=<claimId>` (search results, shared links): once the claim is in the tree,
 * `reveal` selects and scrolls to it. Each value of the parameter is acted on once, so the
 * reader can move on; a new search result for the same map changes the parameter again.
 */
export function useClaimDeepLink(tree: MapTree, reveal: (claimId: string) => void): void {
  const claimId = useSearchParams().get("claim");
  const handled = useRef<string | null>(null);
  useEffect(() => {
    if (!claimId || handled.current === claimId || !tree.byId.has(claimId)) return;
    handled.current = claimId;
    reveal(claimId);
  }, [claimId, tree, reveal]);
}
