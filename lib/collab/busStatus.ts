import { COLLAB_BUS_GLOBAL_KEY } from "./mapEvents";

/** Redis of the collaboration bus: reachable, unreachable (serving local sockets only), or not configured. */
export type BusStatus = "ok" | "down" | "off";

/**
 * The bus lives in the server process (server/collab/collabBus.ts); route handlers, loaded in
 * a separate bundle, reach it through the same global key the map events use. No bus (e.g.
 * `next start` without our server): "off".
 */
export function collabBusStatus(): BusStatus {
  const bus = (globalThis as Record<string, unknown>)[COLLAB_BUS_GLOBAL_KEY] as { status?: () => BusStatus } | undefined;
  return bus?.status?.() ?? "off";
}
