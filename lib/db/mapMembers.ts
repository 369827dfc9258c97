import { getPrisma } from "./client";
import type { MapRole } from "./maps";

/** Adds a user to a map with a role, or changes the role they have. */
export async function addMapMember(mapId: string, userId: string, role: MapRole): Promise<void> {
  const prisma = await getPrisma();
  await prisma.mapMember.upsert({
    where: { mapId_userId: { mapId, userId } },
    create: { mapId, userId, role },
    update: { role },
  });
}

export interface MapMemberView {
  userId: string;
  email: string;
  name: string;
  role: MapRole;
}

export async function listMapMembers(mapId: string): Promise<MapMemberView[]> {
  const prisma = await getPrisma();
  const rows = await prisma.mapMember.findMany({
    where: { mapId },
    include: { user: { select: { email: true, name: true } } },
    orderBy: { createdAt: "asc" },
  });
  return rows.map((r) => ({ userId: r.userId, email: r.user.email, name: r.user.name, role: r.role }));
}

/** Removes a direct share; false when there was none. */
export async function removeMapMember(mapId: string, userId: string): Promise<boolean> {
  const prisma = await getPrisma();
  const { count } = await prisma.mapMember.deleteMany({ where: { mapId, userId } });
  return count > 0;
}
