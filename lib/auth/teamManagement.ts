import { z } from "zod";
import { emailSchema, firstIssueMessage } from "./credentialsSchema";
import { can, isOwnerRole, type Role } from "./policy";
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
  if (!actorId || !can({ id: actorId }, "team.create", { kind: "account" })) return fail(401, "Sign in to create a team.");
  const parsed = teamNameSchema.safeParse(raw);
  if (!parsed.success) return fail(400, firstIssueMessage(parsed.error));
  return { ok: true, value: await createTeam(parsed.data.name, actorId) };
}

export interface TeamOverview {
  id: string;
  name: string;
  myRole: Role;
  /** `email` only for owners (membersAsSeenBy). */
  members: (Omit<TeamMemberView, "email"> & { email?: string })[];
  maps: { id: string; title: string; updatedAt: string }[];
}

/** The team as a member (team.read, checked by the caller) with role `role` sees it. */
export async function teamOverview(actorId: string, role: Role, teamId: string): Promise<ServiceResult<TeamOverview>> {
  const [team, members, maps] = await Promise.all([findTeam(teamId), listTeamMembers(teamId), listTeamMaps(teamId)]);
  const seesEmails = can({ id: actorId }, "team.seeEmails", { kind: "team", role });
  return { ok: true, value: { id: teamId, name: team!.name, myRole: role, members: membersAsSeenBy(seesEmails, members), maps } };
}

/** An owner (team.manage, checked by withTeam) adds an existing account. */
export async function addTeamMemberByEmail(actorId: string, teamId: string, request: z.infer<typeof teamInviteByEmailSchema>): Promise<ServiceResult<TeamMemberView[]>> {
  const user = await findUserByEmail(request.email);
  if (!user) return fail(404, "No account uses that email. Send them an invite link instead.");
  const current = await findTeamRole(teamId, user.id);
  if (current && !can({ id: actorId }, "membership.change", { kind: "membership", role: current })) return fail(400, "That person owns this team; transfer ownership to change it.");
  await setTeamMemberRole(teamId, user.id, request.role);
  await recordAudit({ teamId, actorId, action: current ? "team.role-changed" : "team.member-added", detail: { userId: user.id, role: request.role, from: current ?? null } });
  await reauthorizeOnTeamMaps(teamId, user.id);
  return { ok: true, value: await listTeamMembers(teamId) };
}

/** An owner (team.manage, checked by withTeam) changes a member's role. */
export async function changeTeamMemberRole(actorId: string, teamId: string, userId: string, request: z.infer<typeof teamRoleChangeSchema>): Promise<ServiceResult<TeamMemberView[]>> {
  const current = await findTeamRole(teamId, userId);
  if (!current) return fail(404, "That person is not a member of this team.");
  if (!can({ id: actorId }, "membership.change", { kind: "membership", role: current })) return fail(400, "An owner's role changes only by transferring ownership.");
  await setTeamMemberRole(teamId, userId, request.role);
  await recordAudit({ teamId, actorId, action: "team.role-changed", detail: { userId, role: request.role, from: current } });
  await reauthorizeOnTeamMaps(teamId, userId);
  return { ok: true, value: await listTeamMembers(teamId) };
}

/** An owner removes a member, or a member removes themselves (leaves): team.removeMember, checked by withTeam. */
export async function removeFromTeam(actorId: string, teamId: string, userId: string): Promise<ServiceResult<{ left: boolean }>> {
  const leaving = actorId === userId;
  const current = await findTeamRole(teamId, userId);
  if (!current) return fail(404, "That person is not a member of this team.");
  const owners = isOwnerRole(current) ? await countTeamOwners(teamId) : 0;
  if (!can({ id: actorId }, "membership.remove", { kind: "membership", role: current, owners })) {
    return fail(400, leaving ? "You are the team's only owner: transfer ownership before leaving." : "The team's only owner cannot be removed.");
  }
  await removeTeamMember(teamId, userId);
  await recordAudit({ teamId, actorId, action: leaving ? "team.member-left" : "team.member-removed", detail: { userId, from: current } });
  await reauthorizeOnTeamMaps(teamId, userId);
  return { ok: true, value: { left: leaving } };
}

/** The owner (team.transfer, checked by withTeam) hands ownership to a member. */
export async function transferTeam(actorId: string, teamId: string, request: z.infer<typeof transferSchema>): Promise<ServiceResult<TeamMemberView[]>> {
  const target = request.userId;
  if (target === actorId) return fail(400, "You already own this team.");
  const current = await findTeamRole(teamId, target);
  if (!current) return fail(404, "Ownership can only go to a member of the team.");
  await transferTeamOwnership(teamId, actorId, target);
  await recordAudit({ teamId, actorId, action: "team.ownership-transferred", detail: { userId: target, from: current } });
  await reauthorizeOnTeamMaps(teamId, actorId);
  await reauthorizeOnTeamMaps(teamId, target);
  return { ok: true, value: await listTeamMembers(teamId) };
}
