"use client";

import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import type { MapConnection } from "@/lib/collab/mapConnection";
import type { ThreadView } from "@/lib/db/comments";
import { useMapAppEvents } from "@/components/map/useMapAppEvents";
import { announceInboxChanged } from "./inboxSignal";

export interface CommentThreads {
  threads: ThreadView[];
  loaded: boolean;
  error: string | null;
  refresh(): void;
  /** Puts a thread the server just answered with in place, before the event's refetch. */
  upsert(thread: ThreadView): void;
  openByClaim: Map<string, number>;
  openByCitation: Map<string, number>;
}

/**
 * Every thread of the map (open and resolved), refetched whenever the server pushes
 * comments-changed and after a reconnect (events sent while offline are not replayed).
 */
export function useCommentThreads(mapId: string, conn: MapConnection, connected: boolean): CommentThreads {
  const [threads, setThreads] = useState<ThreadView[]>([]);
  const [loaded, setLoaded] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const generation = useRef(0);

  const refresh = useCallback(() => {
    const mine = ++generation.current;
    fetch(`/api/maps/${mapId}/threads?status=all`, { cache: "no-store" })
      .then(async (res) => {
        const data = (await res.json()) as { threads?: ThreadView[]; error?: string };
        if (mine !== generation.current) return;
        if (!res.ok || !data.threads) throw new Error(data.error ?? `The server answered ${res.status}.`);
        setThreads(data.threads);
        setLoaded(true);
        setError(null);
      })
      .catch((e: Error) => {
        if (mine === generation.current) setError(`Comments could not be loaded: ${e.message}`);
      });
  }, [mapId]);

  useEffect(() => {
    if (connected) refresh();
  }, [connected, refresh]);

  useMapAppEvents(conn, (event) => {
    if (event.type === "comments-changed") refresh();
    else if (event.type === "inbox-changed") announceInboxChanged();
  });

  const upsert = useCallback((thread: ThreadView) => {
    setThreads((prev) => (prev.some((t) => t.id === thread.id) ? prev.map((t) => (t.id === thread.id ? thread : t)) : [thread, ...prev]));
  }, []);

  const counts = useMemo(() => {
    const openByClaim = new Map<string, number>();
    const openByCitation = new Map<string, number>();
    for (const t of threads) {
      if (t.resolvedAt) continue;
      if (t.claimId) openByClaim.set(t.claimId, (openByClaim.get(t.claimId) ?? 0) + 1);
      if (t.citationId) openByCitation.set(t.citationId, (openByCitation.get(t.citationId) ?? 0) + 1);
    }
    return { openByClaim, openByCitation };
  }, [threads]);

  return { threads, loaded, error, refresh, upsert, ...counts };
}
