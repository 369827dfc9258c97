"use client";

import { createContext, useContext } from "react";
import type { ClaimFlag } from "@/lib/argument/claimFlags";
import type { RatingSummary } from "./useRatings";

/** What a claim row needs to show its score: kept apart from the outline context on purpose (rows without it show no score). */
export interface ScoreContextValue {
  strengths: ReadonlyMap<string, number>;
  flags: ReadonlyMap<string, ClaimFlag[]>;
  ratings: ReadonlyMap<string, RatingSummary>;
  canRate: boolean;
  rate(claimId: string, value: number | null): void;
}

export const ScoreContext = createContext<ScoreContextValue | null>(null);

export function useScores(): ScoreContextValue | null {
  return useContext(ScoreContext);
}
