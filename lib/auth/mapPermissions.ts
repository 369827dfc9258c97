import type { MapRole } from "../db/maps";
import { findMapRoleSources } from "../db/effectiveRole";

/** What a user may want to do on a map; each role allows a prefix of this ladder. */
export type MapAction = "read" | "comment" | "edit" | "manage";

const ALLOWED: Record<MapRole, ReadonlySet<MapAction>> = {
  owner: new Set(["read", "comment", "edit", "manage"]),
  editor: new Set(["read", "comment", "edit"]),
  commenter: new Set(["read", "comment"]),
  viewer: new Set(["read"]),
};

export type MapAccess =
  | { ok: true; role: MapRole; readOnly: boolean }
  | { ok: false; status: 401 | 403 | 404; reason: string };

/**
 * The one answer to "may user U do action A on map M". Pages, route handlers and the
 * WebSocket upgrade all call this; nothing else decides access.
 */
export async function authorizeMap(userId: string | null, mapId: string, action: MapAction): Promise<MapAccess> {
  if (!userId) return { ok: false, status: 401, reason: "Sign in to open this map." };
  // Effective role = max(team role of the map's team, direct share), read in one query.
  const sources = await findMapRoleSources(mapId, userId);
  if (!sources.exists) return { ok: false, status: 404, reason: "There is no map with this id." };
  const role = sources.effective;
  if (!role) return { ok: false, status: 403, reason: "You are not a member of this map." };
  if (!ALLOWED[role].has(action)) return { ok: false, status: 403, reason: `A ${role} may not ${action} this map.` };
  return { ok: true, role, readOnly: !ALLOWED[role].has("edit") };
}
