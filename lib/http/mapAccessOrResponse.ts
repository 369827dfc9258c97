import { authorizeMap, type MapAccess, type MapAction } from "../auth/mapPermissions";
import { getSessionUser, type SessionUser } from "../auth/sessionUser";

export type GrantedMapAccess = Extract<MapAccess, { ok: true }> & { user: SessionUser };

/**
 * For route handlers on one map: the signed-in user's access for `action`, or the refusal to
 * send as is (401/403/404 with authorizeMap's reason). `forbidden` rewords only the 403, for
 * routes whose refusal names the action ("Only editors and owners can …").
 */
export async function mapAccessOrResponse(mapId: string, action: MapAction, forbidden?: string): Promise<GrantedMapAccess | Response> {
  const user = await getSessionUser();
  const access = await authorizeMap(user?.id ?? null, mapId, action);
  if (!access.ok) return Response.json({ error: access.status === 403 && forbidden ? forbidden : access.reason }, { status: access.status });
  // authorizeMap refuses a missing user with 401, so a granted access always has one.
  return { ...access, user: user! };
}
