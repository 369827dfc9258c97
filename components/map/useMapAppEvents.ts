"use client";

import { useEffect, useRef } from "react";
import type { MapConnection } from "@/lib/collab/mapConnection";
import type { MapEvent } from "@/lib/collab/mapEvents";

/**
 * Calls `handler` for every app event the server pushes on this map's socket. The latest
 * handler is used without resubscribing, so callers may pass an inline function.
 */
export function useMapAppEvents(conn: MapConnection, handler: (event: MapEvent) => void): void {
  const latest = useRef(handler);
  useEffect(() => {
    latest.current = handler;
  });
  useEffect(() => conn.onAppEvent((event) => latest.current(event)), [conn]);
}
