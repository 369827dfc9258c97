"use client";

import { useCallback, useEffect, useRef, useState } from "react";

export interface RatingSummary {
  mean: number;
  count: number;
  mine: number | null;
}

export interface RatingsState {
  /** Per rated claim; absent = nobody rated it. */
  byClaim: ReadonlyMap<string, RatingSummary>;
  /** For the strength formula: each rated claim's mean as its one input vote. */
  votes: ReadonlyMap<string, number[]>;
  error: string | null;
  rate(claimId: string, value: number | null): Promise<boolean>;
  /** Fetches again (after another member's "ratings-changed" event). */
  refresh(): void;
}

interface Row {
  claimId: string;
  mean: number;
  count: number;
  mine: number | null;
}

function toMaps(rows: Row[]) {
  const byClaim = new Map<string, RatingSummary>();
  const votes = new Map<string, number[]>();
  for (const r of rows) {
    byClaim.set(r.claimId, { mean: r.mean, count: r.count, mine: r.mine });
    votes.set(r.claimId, [r.mean]);
  }
  return { byClaim, votes };
}

async function errorOf(response: Response): Promise<string> {
  const body = (await response.json().catch(() => null)) as { error?: string } | null;
  return body?.error ?? `The server answered ${response.status}.`;
}

/** The map's ratings from /api/maps/<id>/ratings, and my own rating action. */
export function useRatings(mapId: string): RatingsState {
  const [maps, setMaps] = useState(() => toMaps([]));
  const [error, setError] = useState<string | null>(null);
  // Only the newest request may set the state (a slow GET must not undo a newer PUT).
  const generation = useRef(0);
  const url = `/api/maps/${encodeURIComponent(mapId)}/ratings`;

  const refresh = useCallback(() => {
    const mine = ++generation.current;
    fetch(url, { cache: "no-store" })
      .then(async (response) => {
        if (!response.ok) throw new Error(await errorOf(response));
        const body = (await response.json()) as { ratings: Row[] };
        if (mine === generation.current) {
          setMaps(toMaps(body.ratings));
          setError(null);
        }
      })
      .catch((e: Error) => {
        if (mine === generation.current) setError(`Ratings could not be loaded: ${e.message}`);
      });
  }, [url]);

  useEffect(() => refresh(), [refresh]);

  const rate = useCallback(
    async (claimId: string, value: number | null) => {
      const mine = ++generation.current;
      try {
        const response = await fetch(url, { method: "PUT", headers: { "content-type": "application/json" }, body: JSON.stringify({ claimId, value }) });
        if (!response.ok) throw new Error(await errorOf(response));
        const body = (await response.json()) as { ratings: Row[] };
        if (mine === generation.current) setMaps(toMaps(body.ratings));
        setError(null);
        return true;
      } catch (e) {
        setError(`Your rating was not saved: ${(e as Error).message}`);
        return false;
      }
    },
    [url],
  );

  return { byClaim: maps.byClaim, votes: maps.votes, error, rate, refresh };
}
