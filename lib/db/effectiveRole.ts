import { getPrisma } from "./client";
import type { Role } from "./generated/client";
import { higherRole } from "./roleRank";

export interface MapRoleSources {
  exists: boolean;
  teamId: string | null;
  direct: Role | null;
  team: Role | null;
  effective: Role | null;
}

/**
 * What a user's role on a map is, from one query: the direct MapMember share and the role
 * in the map's team, whichever is higher.
 */
export async function findMapRoleSources(mapId: string, userId: string): Promise<MapRoleSources> {
  const prisma = await getPrisma();
  const map = await prisma.map.findUnique({
    where: { id: mapId },
    select: {
      teamId: true,
      members: { where: { userId }, select: { role: true } },
      team: { select: { members: { where: { userId }, select: { role: true } } } },
    },
  });
  if (!map) return { exists: false, teamId: null, direct: null, team: null, effective: null };
  const direct = map.members[0]?.role ?? null;
  const team = map.team?.members[0]?.role ?? null;
  return { exists: true, teamId: map.teamId, direct, team, effective: higherRole(direct, team) };
}

export async function findEffectiveRole(mapId: string, userId: string): Promise<Role | null> {
  return (await findMapRoleSources(mapId, userId)).effective;
}
