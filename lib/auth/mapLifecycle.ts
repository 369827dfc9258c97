import { z } from "zod";
import { firstIssueMessage } from "./credentialsSchema";
import { authorizeTeam } from "./teamPermissions";
import { can, isOwnerRole } from "./policy";
import { fail, type ServiceResult } from "./serviceResult";
import { buildNewMapState } from "../argument/newMapState";
import { publishMapEvent } from "../collab/mapEvents";
import { deleteMapRow, insertMap, setMapTeam } from "../db/mapLifecycle";
import { listMapMembers, removeMapMember, type MapMemberView } from "../db/mapMembers";
import { recordAudit } from "../db/auditLog";
import { findMap } from "../db/maps";

export const createMapSchema = z.object({
  title: z.string().trim().min(1, "Give the map a title.").max(200, "Keep the title under 200 characters."),
  question: z.string().trim().min(1, "Write the question the map argues about.").max(500, "Keep the question under 500 characters."),
  teamId: z.string().min(1).max(64).nullable().optional(),
});

export const moveMapSchema = z.object({ teamId: z.string().min(1).max(64).nullable() });

/** Anyone signed in creates personal maps; a team map needs the team's editor role or more. */
export async function createMapFor(actorId: string | null, raw: unknown): Promise<ServiceResult<{ id: string }>> {
  if (!actorId || !can({ id: actorId }, "map.create", { kind: "account" })) return fail(401, "Sign in to create a map.");
  const parsed = createMapSchema.safeParse(raw);
  if (!parsed.success) return fail(400, firstIssueMessage(parsed.error));
  const teamId = parsed.data.teamId ?? null;
  if (teamId) {
    const access = await authorizeTeam(actorId, teamId, "team.createMap");
    if (!access.ok) return fail(access.status, access.reason);
  }
  const { title, question } = parsed.data;
  const { state, projection } = buildNewMapState({ title, question, authorId: actorId });
  return { ok: true, value: await insertMap({ title, question, teamId, ownerId: actorId, state, projection }) };
}

/** The caller checked map.delete (withMap). Every instance closes the map's sockets with 4410 and drops its room. */
export async function deleteMapBy(actorId: string, mapId: string): Promise<ServiceResult<{ deleted: true }>> {
  if (!(await deleteMapRow(mapId, actorId))) return fail(404, "There is no map with this id.");
  publishMapEvent(mapId, { type: "map-deleted" });
  return { ok: true, value: { deleted: true } };
}

/** An owner (map.share, checked by withMap) removes a direct share; that person's open sockets re-authorize at once. */
export async function removeMapMemberBy(actorId: string, mapId: string, userId: string): Promise<ServiceResult<MapMemberView[]>> {
  const members = await listMapMembers(mapId);
  const target = members.find((m) => m.userId === userId);
  if (!target) return fail(404, "That person has no direct share on this map.");
  const owners = members.filter((m) => isOwnerRole(m.role)).length;
  if (!can({ id: actorId }, "membership.remove", { kind: "membership", role: target.role, owners })) {
    return fail(400, "The map's only owner cannot be removed.");
  }
  await removeMapMember(mapId, userId);
  await recordAudit({ mapId, actorId, action: "map.member-removed", detail: { userId, from: target.role } });
  publishMapEvent(mapId, { type: "access-changed", userId });
  return { ok: true, value: await listMapMembers(mapId) };
}

/** The map's owner (map.move, checked by withMap) moves it into a team they own or edit in (or back to personal: null). */
export async function moveMapToTeam(actorId: string, mapId: string, request: z.infer<typeof moveMapSchema>): Promise<ServiceResult<{ teamId: string | null }>> {
  const teamId = request.teamId;
  if (teamId) {
    const team = await authorizeTeam(actorId, teamId, "team.createMap");
    if (!team.ok) return fail(team.status, team.reason);
  }
  const map = await findMap(mapId);
  if (!map) return fail(404, "There is no map with this id.");
  if (map.teamId === teamId) return { ok: true, value: { teamId } };
  await setMapTeam(mapId, teamId, actorId);
  // Team members gain (or lose) their team role on this map: every open socket re-authorizes.
  publishMapEvent(mapId, { type: "access-changed-all" });
  return { ok: true, value: { teamId } };
}
