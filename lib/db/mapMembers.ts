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
