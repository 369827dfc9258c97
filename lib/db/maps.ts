import { getPrisma } from "./client";
import type { Role } from "./generated/client";
import { loadMapState, writeSnapshot } from "./mapState";

export type MapRole = Role;

export interface MapListItem {
  id: string;
  title: string;
  role: MapRole;
  updatedAt: string;
}

export async function listMapsForUser(userId: string): Promise<MapListItem[]> {
  const prisma = await getPrisma();
  const rows = await prisma.mapMember.findMany({
    where: { userId },
    include: { map: { select: { id: true, title: true, updatedAt: true } } },
    orderBy: { map: { updatedAt: "desc" } },
  });
  return rows.map((r) => ({ id: r.map.id, title: r.map.title, role: r.role, updatedAt: r.map.updatedAt.toISOString() }));
}

export async function findMap(mapId: string) {
  const prisma = await getPrisma();
  return prisma.map.findUnique({ where: { id: mapId } });
}

export async function findMemberRole(mapId: string, userId: string): Promise<MapRole | null> {
  const prisma = await getPrisma();
  const row = await prisma.mapMember.findUnique({ where: { mapId_userId: { mapId, userId } }, select: { role: true } });
  return row?.role ?? null;
}

export async function findSampleMapId(): Promise<string | null> {
  const prisma = await getPrisma();
  const map = await prisma.map.findFirst({ where: { isSample: true }, orderBy: { createdAt: "asc" }, select: { id: true } });
  return map?.id ?? null;
}

/**
 * Creates an account and, in the same transaction, the user's own copy of the sample map,
 * so a failed copy leaves no half-made account behind.
 */
export async function createUserWithSampleCopy(input: {
  email: string;
  name: string;
  passwordHash: string;
}): Promise<{ userId: string; mapId: string | null }> {
  const prisma = await getPrisma();
  const sampleId = await findSampleMapId();
  return prisma.$transaction(async (tx) => {
    const user = await tx.user.create({ data: { email: input.email, name: input.name, passwordHash: input.passwordHash } });
    if (!sampleId) return { userId: user.id, mapId: null };
    const sample = await tx.map.findUniqueOrThrow({
      where: { id: sampleId },
      include: { sources: true, claims: true, citations: true },
    });
    const copy = await tx.map.create({
      data: {
        title: sample.title,
        question: sample.question,
        members: { create: { userId: user.id, role: "owner" } },
        sources: { create: sample.sources.map((s) => ({ sourceId: s.sourceId })) },
      },
    });
    await writeSnapshot(tx, copy.id, await loadMapState(sample.id, tx));
    await tx.claim.createMany({ data: sample.claims.map((c) => ({ ...c, mapId: copy.id })) });
    await tx.citation.createMany({
      data: sample.citations.map((c) => ({ ...c, mapId: copy.id, highlights: c.highlights ?? [] })),
    });
    return { userId: user.id, mapId: copy.id };
  });
}
