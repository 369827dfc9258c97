import { getPrisma } from "./client";
import type { MapProjection } from "../argument/mapProjection";
import { writeSnapshot } from "./mapState";
import { replaceProjection } from "./projectionStore";
import { recordAudit } from "./auditLog";

/**
 * Creates a map with its starting state. The creator is its direct owner (in a team map too:
 * a team editor who starts a map may delete and share it), all in one transaction.
 */
export async function insertMap(input: {
  title: string;
  question: string;
  teamId: string | null;
  ownerId: string;
  state: Uint8Array;
  projection: MapProjection;
}): Promise<{ id: string }> {
  const prisma = await getPrisma();
  return prisma.$transaction(async (tx) => {
    const map = await tx.map.create({
      data: { title: input.title, question: input.question, teamId: input.teamId, members: { create: { userId: input.ownerId, role: "owner" } } },
    });
    await writeSnapshot(tx, map.id, input.state);
    await replaceProjection(tx, map.id, input.projection);
    await recordAudit({ mapId: map.id, teamId: input.teamId, actorId: input.ownerId, action: "map.created", detail: { title: input.title } }, tx);
    return { id: map.id };
  });
}

/** Deletes a map and everything hanging off it (cascades); the audit entry outlives it. */
export async function deleteMapRow(mapId: string, actorId: string): Promise<boolean> {
  const prisma = await getPrisma();
  return prisma.$transaction(async (tx) => {
    const map = await tx.map.findUnique({ where: { id: mapId }, select: { title: true, teamId: true } });
    if (!map) return false;
    await tx.map.delete({ where: { id: mapId } });
    await recordAudit({ mapId, teamId: map.teamId, actorId, action: "map.deleted", detail: { title: map.title } }, tx);
    return true;
  });
}

export async function setMapTeam(mapId: string, teamId: string | null, actorId: string): Promise<void> {
  const prisma = await getPrisma();
  await prisma.$transaction(async (tx) => {
    await tx.map.update({ where: { id: mapId }, data: { teamId } });
    await recordAudit({ mapId, teamId, actorId, action: "map.moved-to-team", detail: { teamId } }, tx);
  });
}
