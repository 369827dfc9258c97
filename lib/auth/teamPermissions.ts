import { findTeam, findTeamRole } from "../db/teams";
import type { MapRole } from "../db/maps";

/** What a user may do with a team itself (its maps are decided by authorizeMap). */
export type TeamAction = "read" | "create-map" | "manage";

const ALLOWED: Record<MapRole, ReadonlySet<TeamAction>> = {
  owner: new Set(["read", "create-map", "manage"]),
  editor: new Set(["read", "create-map"]),
  commenter: new Set(["read"]),
  viewer: new Set(["read"]),
};

export type TeamAccess = { ok: true; role: MapRole } | { ok: false; status: 401 | 403 | 404; reason: string };

export async function authorizeTeam(userId: string | null, teamId: string, action: TeamAction): Promise<TeamAccess> {
  if (!userId) return { ok: false, status: 401, reason: "Sign in to see this team." };
  if (!(await findTeam(teamId))) return { ok: false, status: 404, reason: "There is no team with this id." };
  const role = await findTeamRole(teamId, userId);
  if (!role) return { ok: false, status: 403, reason: "You are not a member of this team." };
  if (!ALLOWED[role].has(action)) return { ok: false, status: 403, reason: action === "create-map" ? "Only the team's owners and editors can create maps in it." : "Only the team's owners can do that." };
  return { ok: true, role };
}
