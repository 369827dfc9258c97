import { findTeam, findTeamRole } from "../db/teams";
import type { MapRole } from "../db/maps";
import { can, type TeamAction } from "./policy";

export type { TeamAction } from "./policy";

export type TeamAccess = { ok: true; role: MapRole } | { ok: false; status: 401 | 403 | 404; reason: string };

/** "May user U do action A with team T", judged by the policy (policy.ts); `memberId` for team.removeMember. */
export async function authorizeTeam(userId: string | null, teamId: string, action: TeamAction, memberId?: string): Promise<TeamAccess> {
  if (!userId) return { ok: false, status: 401, reason: "Sign in to see this team." };
  if (!(await findTeam(teamId))) return { ok: false, status: 404, reason: "There is no team with this id." };
  const role = await findTeamRole(teamId, userId);
  if (!role) return { ok: false, status: 403, reason: "You are not a member of this team." };
  if (!can({ id: userId }, action, { kind: "team", role, memberId })) {
    return { ok: false, status: 403, reason: action === "team.createMap" ? "Only the team's owners and editors can create maps in it." : "Only the team's owners can do that." };
  }
  return { ok: true, role };
}
