import { z } from "zod";
import { firstIssueMessage } from "./credentialsSchema";
import { fail, type ServiceResult } from "./serviceResult";
import { hashInviteToken, newInviteToken } from "./inviteToken";
import { publishMapEvent } from "../collab/mapEvents";
import { acceptInvite, createInvite, findInviteByTokenHash, listInvites, revokeInvite, type InviteScope, type InviteTarget, type InviteView } from "../db/invites";
import { listTeamMapIds } from "../db/teams";

export const createInviteSchema = z.object({
  role: z.enum(["editor", "commenter", "viewer"], { message: "Role must be editor, commenter or viewer." }),
  /** Null or absent: never expires. */
  expiresInHours: z.number().int().min(1, "Expiry is at least an hour.").max(24 * 365, "Expiry is at most a year.").nullable().optional(),
  /** Null or absent: unlimited uses. */
  maxUses: z.number().int().min(1, "Allow at least one use.").max(10_000).nullable().optional(),
});

export const acceptInviteSchema = z.object({ token: z.string().min(20, "That invite link is incomplete.").max(200) });

// Only a map's owners manage its links (map.invite), only a team's owners the team's
// (team.invite): the route wrappers check that before these run.

export async function createInviteLink(actorId: string, scope: InviteScope, request: z.infer<typeof createInviteSchema>): Promise<ServiceResult<{ invite: InviteView; token: string; path: string }>> {
  const token = newInviteToken();
  const hours = request.expiresInHours ?? null;
  const invite = await createInvite({
    ...scope,
    tokenHash: hashInviteToken(token),
    role: request.role,
    expiresAt: hours ? new Date(Date.now() + hours * 3600_000) : null,
    maxUses: request.maxUses ?? null,
    createdById: actorId,
  });
  return { ok: true, value: { invite, token, path: `/invite/${token}` } };
}

export async function inviteLinksOf(scope: InviteScope): Promise<ServiceResult<InviteView[]>> {
  return { ok: true, value: await listInvites(scope) };
}

export async function revokeInviteLink(actorId: string, scope: InviteScope, inviteId: string): Promise<ServiceResult<InviteView[]>> {
  if (!(await revokeInvite(scope, inviteId, actorId))) return fail(404, "There is no active invite link with this id here.");
  return { ok: true, value: await listInvites(scope) };
}

const REJECTIONS: Record<"not-found" | "expired" | "revoked" | "used up", [404 | 410, string]> = {
  "not-found": [404, "This invite link is not valid. Ask for a new one."],
  expired: [410, "This invite link has expired. Ask for a new one."],
  revoked: [410, "This invite link was revoked. Ask for a new one."],
  "used up": [410, "This invite link has already been used up. Ask for a new one."],
};

/** What the accept page shows before the user accepts (or why the link no longer works). */
export async function describeInvite(token: string): Promise<ServiceResult<InviteTarget>> {
  const invite = await findInviteByTokenHash(hashInviteToken(token));
  if (!invite) return fail(...REJECTIONS["not-found"]);
  if (invite.status !== "active") return fail(...REJECTIONS[invite.status]);
  return { ok: true, value: invite };
}

export async function acceptInviteLink(userId: string | null, raw: unknown): Promise<ServiceResult<{ joined: boolean; role: string; mapId: string | null; teamId: string | null; redirectTo: string }>> {
  if (!userId) return fail(401, "Sign in or create an account to accept this invitation.");
  const parsed = acceptInviteSchema.safeParse(raw);
  if (!parsed.success) return fail(400, firstIssueMessage(parsed.error));
  const outcome = await acceptInvite(hashInviteToken(parsed.data.token), userId);
  if (!outcome.ok) return fail(...REJECTIONS[outcome.reason]);
  if (outcome.joined) {
    const mapIds = outcome.mapId ? [outcome.mapId] : await listTeamMapIds(outcome.teamId!);
    for (const mapId of mapIds) publishMapEvent(mapId, { type: "access-changed", userId });
  }
  const redirectTo = outcome.mapId ? `/maps/${outcome.mapId}` : `/teams/${outcome.teamId}`;
  return { ok: true, value: { joined: outcome.joined, role: outcome.role, mapId: outcome.mapId, teamId: outcome.teamId, redirectTo } };
}
