"use client";

import { useEffect, useState, useSyncExternalStore } from "react";
import { MapConnection, type MapConnectionOptions, type MapConnectionSnapshot } from "@/lib/collab/mapConnection";

/**
 * One MapConnection per mounted map editor. The doc exists from the first render (built
 * from the server's state, so server rendering shows the map); IndexedDB and the socket
 * open after mount.
 */
export function useMapConnection(options: MapConnectionOptions): { conn: MapConnection; status: MapConnectionSnapshot } {
  const [conn] = useState(() => new MapConnection(options));
  useEffect(() => {
    conn.start();
    return () => conn.stop();
  }, [conn]);
  const status = useSyncExternalStore(conn.subscribe, conn.getSnapshot, conn.getSnapshot);
  return { conn, status };
}
