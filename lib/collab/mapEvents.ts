import { z } from "zod";

/**
 * App events for the live sockets of a map, carried by the collaboration bus (Redis between
 * instances, in-process otherwise). The bus is created by the server process; Next's route
 * handlers reach it through this global key because they run in a separately loaded bundle.
 */
export const COLLAB_BUS_GLOBAL_KEY = "__claimboardCollabBus";

export const mapEventSchema = z.discriminatedUnion("type", [
  /** A member's role changed or was removed: their sockets must re-authorize. */
  z.object({ type: z.literal("access-changed"), userId: z.string().min(1) }),
  /** The map moved into or out of a team: every socket of the map must re-authorize. */
  z.object({ type: z.literal("access-changed-all") }),
  /** The map was deleted: its sockets close with 4410 and its room is dropped unwritten. */
  z.object({ type: z.literal("map-deleted") }),
  /** Someone rated a claim (or cleared their rating): clients refetch the map's ratings. */
  z.object({ type: z.literal("ratings-changed"), claimId: z.string().min(1) }),
  /** A comment thread was created, replied to, edited or resolved: clients refetch the map's threads. */
  z.object({ type: z.literal("comments-changed"), threadId: z.string().min(1) }),
  /** These users got inbox notifications: only their sockets hear it, and they refetch their inbox. */
  z.object({ type: z.literal("inbox-changed"), userIds: z.array(z.string().min(1)) }),
]);

export type MapEvent = z.infer<typeof mapEventSchema>;

/**
 * Which of a map's sockets an event is forwarded to as a 102 `appEvent` message: "none" for
 * events the server acts on itself, a user list for events addressed to some members.
 */
export function appEventAudience(event: MapEvent): "none" | "everyone" | { userIds: readonly string[] } {
  switch (event.type) {
    case "access-changed":
    case "access-changed-all":
    case "map-deleted":
      return "none";
    case "inbox-changed":
      return { userIds: event.userIds };
    default:
      return "everyone";
  }
}

/** Reads a 102 payload on the client; null when it is not an event this build knows. */
export function parseAppEvent(json: string): MapEvent | null {
  try {
    const parsed = mapEventSchema.safeParse(JSON.parse(json));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

interface EventPublisher {
  publishEvent(mapId: string, event: unknown): void;
}

/** Sends an event to every instance's sockets of the map; a no-op when no server runs here. */
export function publishMapEvent(mapId: string, event: MapEvent): void {
  const bus = (globalThis as Record<string, unknown>)[COLLAB_BUS_GLOBAL_KEY] as EventPublisher | undefined;
  bus?.publishEvent(mapId, event);
}
