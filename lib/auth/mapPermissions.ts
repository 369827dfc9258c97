import type { MapRole } from "../db/maps";
import { findMapRoleSources } from "../db/effectiveRole";
import { can, minimumRole, type MapAction } from "./policy";

export type { MapAction } from "./policy";

export type MapAccess =
  | { ok: true; role: MapRole; readOnly: boolean }
  | { ok: false; status: 401 | 403 | 404; reason: string };

/** How a refusal names the action: by the lowest role that may do it. */
const VERB: Record<MapRole, string> = { viewer: "read", commenter: "comment", editor: "edit", owner: "manage" };

/**
 * "May user U do action A on map M": the effective role from one query (lib/db/effectiveRole.ts),
 * judged by the policy (policy.ts), with the status and reason to refuse with. Pages, route
 * wrappers (withMap), lib services and the WebSocket upgrade all call this.
 */
export async function authorizeMap(userId: string | null, mapId: string, action: MapAction): Promise<MapAccess> {
  if (!userId) return { ok: false, status: 401, reason: "Sign in to open this map." };
  const sources = await findMapRoleSources(mapId, userId);
  if (!sources.exists) return { ok: false, status: 404, reason: "There is no map with this id." };
  const role = sources.effective;
  if (!role) return { ok: false, status: 403, reason: "You are not a member of this map." };
  const user = { id: userId };
  const resource = { kind: "map", role } as const;
  if (!can(user, action, resource)) return { ok: false, status: 403, reason: `A ${role} may not ${VERB[minimumRole(action)]} this map.` };
  return { ok: true, role, readOnly: !can(user, "map.edit", resource) };
}
