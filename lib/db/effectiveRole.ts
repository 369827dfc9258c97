import { getPrisma } from "./client";
import type { Prisma, Role } from "./generated/client";
import { higherRole } from "../auth/policy";

export interface MapRoleSources {
  exists: boolean;
  teamId: string | null;
  direct: Role | null;
  team: Role | null;
  effective: Role | null;
}

/**
 * The user's two roles on a map, as part of any map query's `select`: the direct MapMember
 * share and the role in the map's team. effectiveRoleOf turns them into the effective role;
 * every query that needs it (access checks, the map list, invite acceptance) uses this pair.
 */
export function mapRoleSelect(userId: string) {
  return {
    members: { where: { userId }, select: { role: true } },
    team: { select: { members: { where: { userId }, select: { role: true } } } },
  } satisfies Prisma.MapSelect;
}

type MapRoleRow = { members: { role: Role }[]; team: { members: { role: Role }[] } | null };

/** The effective role: the higher of the direct share and the team role. */
export function effectiveRoleOf(row: MapRoleRow): { direct: Role | null; team: Role | null; effective: Role | null } {
  const direct = row.members[0]?.role ?? null;
  const team = row.team?.members[0]?.role ?? null;
  return { direct, team, effective: higherRole(direct, team) };
}

/** What a user's role on a map is, from one query (inside `tx` when given). */
export async function findMapRoleSources(mapId: string, userId: string, tx?: Prisma.TransactionClient): Promise<MapRoleSources> {
  const db = tx ?? (await getPrisma());
  const map = await db.map.findUnique({ where: { id: mapId }, select: { teamId: true, ...mapRoleSelect(userId) } });
  if (!map) return { exists: false, teamId: null, direct: null, team: null, effective: null };
  return { exists: true, teamId: map.teamId, ...effectiveRoleOf(map) };
}
