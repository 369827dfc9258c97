import { z } from "zod";
import { emailSchema, firstIssueMessage } from "./credentialsSchema";
import { authorizeTeam } from "./teamPermissions";
import { fail, type ServiceResult } from "./serviceResult";
import { publishMapEvent } from "../collab/mapEvents";
import { findUserByEmail } from "../db/users";
import { recordAudit } from "../db/auditLog";
import {
  countTeamOwners,
  createTeam,
  findTeam,
  findTeamRole,
  listTeamMapIds,
  listTeamMaps,
  listTeamMembers,
  listTeamsForUser,
  removeTeamMember,
  setTeamMemberRole,
  transferTeamOwnership,
  type TeamListItem,
  type TeamMemberView,
} from "../db/teams";
import type { MapRole } from "../db/maps";
import { membersAsSeenBy } from "./memberEmails";

export const teamNameSchema = z.object({ name: z.string().trim().min(1, "Give the team a name.").max(80, "Keep the team name under 80 characters.") });
const memberRoleSchema = z.enum(["editor", "commenter", "viewer"], { message: "Role must be editor, commenter or viewer." });
export const teamInviteByEmailSchema = z.object({ email: emailSchema, role: memberRoleSchema });
export const teamRoleChangeSchema = z.object({ role: memberRoleSchema });
export const transferSchema = z.object({ userId: z.string().min(1, "Choose the member who becomes owner.").max(64) });

/** Every open socket of this user on the team's maps re-authorizes (on every instance). */
async function reauthorizeOnTeamMaps(teamId: string, userId: string): Promise<void> {
  for (const mapId of await listTeamMapIds(teamId)) publishMapEvent(mapId, { type: "access-changed", userId });
}

export async function teamsOf(actorId: string | null): Promise<ServiceResult<TeamListItem[]>> {
  if (!actorId) return fail(401, "Sign in to see your teams.");
  return { ok: true, value: await listTeamsForUser(actorId) };
}

export async function createTeamFor(actorId: string | null, raw: unknown): Promise<ServiceResult<{ id: string; name: string }>> {
  if (!actorId) return fail(401, "Sign in to create a team.");
  const parsed = teamNameSchema.safeParse(raw);
  if (!parsed.success) return fail(400, firstIssueMessage(parsed.error));
  return { ok: true, value: await createTeam(parsed.data.name, actorId) };
}

export interface TeamOverview {
  id: string;
  name: string;
  myRole: MapRole;
  /** `email` only for owners (membersAsSeenBy). */
  members: (Omit<TeamMemberView, "email"> & { email?: string })[];
  maps: { id: string; title: string; updatedAt: string }[];
}

export async function teamOverview(actorId: string | null, teamId: string): Promise<ServiceResult<TeamOverview>> {
  const access = await authorizeTeam(actorId, teamId, "read");
  if (!access.ok) return fail(access.status, access.reason);
  const [team, members, maps] = await Promise.all([findTeam(teamId), listTeamMembers(teamId), listTeamMaps(teamId)]);
  return { ok: true, value: { id: teamId, name: team!.name, myRole: access.role, members: membersAsSeenBy(access.role, members), maps } };
}

export async function addTeamMemberByEmail(actorId: string | null, teamId: string, raw: unknown): Promise<ServiceResult<TeamMemberView[]>> {
  const access = await authorizeTeam(actorId, teamId, "manage");
  if (!access.ok) return fail(access.status, access.reason);
  const parsed = teamInviteByEmailSchema.safeParse(raw);
  if (!parsed.success) return fail(400, firstIssueMessage(parsed.error));
  const user = await findUserByEmail(parsed.data.email);
  if (!user) return fail(404, "No account uses that email. Send them an invite link instead.");
  const current = await findTeamRole(teamId, user.id);
  if (current === "owner") return fail(400, "That person owns this team; transfer ownership to change it.");
  await setTeamMemberRole(teamId, user.id, parsed.data.role);
  await recordAudit({ teamId, actorId, action: current ? "team.role-changed" : "team.member-added", detail: { userId: user.id, role: parsed.data.role, from: current ?? null } });
  await reauthorizeOnTeamMaps(teamId, user.id);
  return { ok: true, value: await listTeamMembers(teamId) };
}

export async function changeTeamMemberRole(actorId: string | null, teamId: string, userId: string, raw: unknown): Promise<ServiceResult<TeamMemberView[]>> {
  const access = await authorizeTeam(actorId, teamId, "manage");
  if (!access.ok) return fail(access.status, access.reason);
  const parsed = teamRoleChangeSchema.safeParse(raw);
  if (!parsed.success) return fail(400, firstIssueMessage(parsed.error));
  const current = await findTeamRole(teamId, userId);
  if (!current) return fail(404, "That person is not a member of this team.");
  if (current === "owner") return fail(400, "An owner's role changes only by transferring ownership.");
  await setTeamMemberRole(teamId, userId, parsed.data.role);
  await recordAudit({ teamId, actorId, action: "team.role-changed", detail: { userId, role: parsed.data.role, from: current } });
  await reauthorizeOnTeamMaps(teamId, userId);
  return { ok: true, value: await listTeamMembers(teamId) };
}

/** An owner removes a member, or a member removes themselves (leaves). */
export async function removeFromTeam(actorId: string | null, teamId: string, userId: string): Promise<ServiceResult<{ left: boolean }>> {
  const leaving = actorId !== null && actorId === userId;
  const access = await authorizeTeam(actorId, teamId, leaving ? "read" : "manage");
  if (!access.ok) return fail(access.status, access.reason);
  const current = await findTeamRole(teamId, userId);
  if (!current) return fail(404, "That person is not a member of this team.");
  if (current === "owner" && (await countTeamOwners(teamId)) <= 1) {
    return fail(400, leaving ? "You are the team's only owner: transfer ownership before leaving." : "The team's only owner cannot be removed.");
  }
  await removeTeamMember(teamId, userId);
  await recordAudit({ teamId, actorId, action: leaving ? "team.member-left" : "team.member-removed", detail: { userId, from: current } });
  await reauthorizeOnTeamMaps(teamId, userId);
  return { ok: true, value: { left: leaving } };
}

export async function transferTeam(actorId: string | null, teamId: string, raw: unknown): Promise<ServiceResult<TeamMemberView[]>> {
  const access = await authorizeTeam(actorId, teamId, "manage");
  if (!access.ok) return fail(access.status, access.reason);
  const parsed = transferSchema.safeParse(raw);
  if (!parsed.success) return fail(400, firstIssueMessage(parsed.error));
  const target = parsed.data.userId;
  if (target === actorId) return fail(400, "You already own this team.");
  const current = await findTeamRole(teamId, target);
  if (!current) return fail(404, "Ownership can only go to a member of the team.");
  await transferTeamOwnership(teamId, actorId!, target);
  await recordAudit({ teamId, actorId, action: "team.ownership-transferred", detail: { userId: target, from: current } });
  await reauthorizeOnTeamMaps(teamId, actorId!);
  await reauthorizeOnTeamMaps(teamId, target);
  return { ok: true, value: await listTeamMembers(teamId) };
}
