import { z } from "zod";
import { addMapMember, listMapMembers, type MapMemberView } from "../db/mapMembers";
import { findUserByEmail } from "../db/users";
import { can, type Role } from "./policy";
import { publishMapEvent } from "../collab/mapEvents";
import { recordAudit } from "../db/auditLog";
import { emailSchema } from "./credentialsSchema";
import { membersAsSeenBy } from "./memberEmails";

export const shareRequestSchema = z.object({
  email: emailSchema,
  role: z.enum(["editor", "commenter", "viewer"], { message: "Role must be editor, commenter or viewer." }),
});

export type ShareResult =
  /** `email` only for owners (membersAsSeenBy). */
  | { ok: true; members: (Omit<MapMemberView, "email"> & { email?: string })[] }
  | { ok: false; status: 400 | 401 | 403 | 404; error: string };

/** Owners share a map with an existing account by email; the caller checked map.share (withMap). */
export async function shareMap(actorId: string, mapId: string, request: z.infer<typeof shareRequestSchema>): Promise<ShareResult> {
  const user = await findUserByEmail(request.email);
  if (!user) return { ok: false, status: 404, error: "No account uses that email. Ask them to sign up first." };
  if (user.id === actorId) return { ok: false, status: 400, error: "You already own this map." };
  const members = await listMapMembers(mapId);
  const current = members.find((m) => m.userId === user.id);
  if (current && !can({ id: actorId }, "membership.change", { kind: "membership", role: current.role })) {
    return { ok: false, status: 400, error: "That person owns this map; their role cannot be lowered here." };
  }
  const previous = current?.role ?? null;
  await addMapMember(mapId, user.id, request.role);
  await recordAudit({ mapId, actorId, action: "map.shared", detail: { userId: user.id, role: request.role, from: previous } });
  publishMapEvent(mapId, { type: "access-changed", userId: user.id });
  return { ok: true, members: await listMapMembers(mapId) };
}

/** The map's members as `actorId` (who may read the map: withMap) sees them. */
export async function membersOf(actorId: string, role: Role, mapId: string): Promise<ShareResult> {
  return { ok: true, members: membersAsSeenBy(can({ id: actorId }, "map.seeEmails", { kind: "map", role }), await listMapMembers(mapId)) };
}
