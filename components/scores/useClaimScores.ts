"use client";

import { useMemo } from "react";
import type { MapTree } from "@/lib/argument/mapTree";
import type { CitationData } from "@/lib/argument/claimSchema";
import { computeStrengths, positionBalance, type PositionScore } from "@/lib/argument/claimStrength";
import { computeFlags, type ClaimFlag } from "@/lib/argument/claimFlags";

export interface ClaimScores {
  strengths: ReadonlyMap<string, number>;
  flags: ReadonlyMap<string, ClaimFlag[]>;
  balance: PositionScore[];
}

/** Strengths, flags and the position balance of the live tree with the stored ratings. */
export function useClaimScores(tree: MapTree, citationsByClaim: ReadonlyMap<string, readonly CitationData[]>, votes: ReadonlyMap<string, number[]>): ClaimScores {
  return useMemo(() => {
    const counts = new Map<string, number>();
    for (const [claimId, list] of citationsByClaim) counts.set(claimId, list.length);
    const strengths = computeStrengths(tree, votes, counts);
    return { strengths, flags: computeFlags(tree, strengths, counts), balance: positionBalance(tree, strengths) };
  }, [tree, citationsByClaim, votes]);
}
