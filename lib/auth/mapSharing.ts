import { z } from "zod";
import { addMapMember, listMapMembers, type MapMemberView } from "../db/mapMembers";
import { findUserByEmail } from "../db/users";
import { authorizeMap } from "./mapPermissions";
import { publishMapEvent } from "../collab/mapEvents";
import { recordAudit } from "../db/auditLog";
import { emailSchema, firstIssueMessage } from "./credentialsSchema";
import { membersAsSeenBy } from "./memberEmails";

export const shareRequestSchema = z.object({
  email: emailSchema,
  role: z.enum(["editor", "commenter", "viewer"], { message: "Role must be editor, commenter or viewer." }),
});

export type ShareResult =
  /** `email` only for owners (membersAsSeenBy). */
  | { ok: true; members: (Omit<MapMemberView, "email"> & { email?: string })[] }
  | { ok: false; status: 400 | 401 | 403 | 404; error: string };

/** Owners share a map with an existing account by email (invitations by link come later). */
export async function shareMap(actorId: string | null, mapId: string, raw: unknown): Promise<ShareResult> {
  const access = await authorizeMap(actorId, mapId, "manage");
  if (!access.ok) return { ok: false, status: access.status, error: access.reason };
  const parsed = shareRequestSchema.safeParse(raw);
  if (!parsed.success) return { ok: false, status: 400, error: firstIssueMessage(parsed.error) };
  const user = await findUserByEmail(parsed.data.email);
  if (!user) return { ok: false, status: 404, error: "No account uses that email. Ask them to sign up first." };
  if (user.id === actorId) return { ok: false, status: 400, error: "You already own this map." };
  const members = await listMapMembers(mapId);
  if (members.some((m) => m.userId === user.id && m.role === "owner")) {
    return { ok: false, status: 400, error: "That person owns this map; their role cannot be lowered here." };
  }
  const previous = members.find((m) => m.userId === user.id)?.role ?? null;
  await addMapMember(mapId, user.id, parsed.data.role);
  await recordAudit({ mapId, actorId, action: "map.shared", detail: { userId: user.id, role: parsed.data.role, from: previous } });
  publishMapEvent(mapId, { type: "access-changed", userId: user.id });
  return { ok: true, members: await listMapMembers(mapId) };
}

export async function membersOf(actorId: string | null, mapId: string): Promise<ShareResult> {
  const access = await authorizeMap(actorId, mapId, "read");
  if (!access.ok) return { ok: false, status: access.status, error: access.reason };
  return { ok: true, members: membersAsSeenBy(access.role, await listMapMembers(mapId)) };
}
