import { getPrisma, type Database } from "./client";

export async function listMapSources(mapId: string) {
  const prisma = await getPrisma();
  const rows = await prisma.mapSource.findMany({
    where: { mapId },
    include: { source: { include: { versions: { orderBy: { version: "desc" }, take: 1, select: { version: true } } } } },
    orderBy: { addedAt: "asc" },
  });
  return rows.map((r) => ({ ...r.source, latestVersion: r.source.versions[0]?.version ?? 1 }));
}

/** A source as attached to a map, with the text of one version (the newest by default). */
export async function findMapSource(mapId: string, sourceId: string, version?: number) {
  const prisma = await getPrisma();
  const link = await prisma.mapSource.findUnique({ where: { mapId_sourceId: { mapId, sourceId } }, include: { source: true } });
  if (!link) return null;
  const text = await prisma.sourceVersion.findFirst({
    where: { sourceId, ...(version ? { version } : {}) },
    orderBy: { version: "desc" },
  });
  if (!text) return null;
  return { source: link.source, version: text.version, text: text.text };
}

export async function listSourceCitations(mapId: string, sourceId: string) {
  const prisma = await getPrisma();
  return prisma.citation.findMany({ where: { mapId, sourceId }, orderBy: { start: "asc" } });
}

/** Citations of one source in a map, with the stance and text of the claim each supports. */
export async function listSourceCitationsWithClaims(mapId: string, sourceId: string) {
  const prisma = await getPrisma();
  const citations = await prisma.citation.findMany({ where: { mapId, sourceId }, orderBy: [{ start: "asc" }, { id: "asc" }] });
  const claims = await prisma.claim.findMany({
    where: { mapId, id: { in: [...new Set(citations.map((c) => c.claimId))] } },
    select: { id: true, stance: true, kind: true, text: true },
  });
  const byId = new Map(claims.map((c) => [c.id, c]));
  return citations.map((c) => ({ ...c, claim: byId.get(c.claimId) ?? null }));
}

export interface NewSourceData {
  title: string;
  author: string | null;
  authorQualifications: string | null;
  publisher: string | null;
  publishedAt: Date | null;
  url: string | null;
  accessedAt: Date | null;
}

/** Creates a source with its first version and links it to the map, all or nothing. */
export async function createSourceForMap(mapId: string, userId: string, data: NewSourceData, text: string) {
  const prisma = await getPrisma();
  return prisma.$transaction(async (tx) => {
    const { title, author, authorQualifications, publisher, publishedAt, url, accessedAt } = data;
    const source = await tx.source.create({ data: { mapId, title, author, authorQualifications, publisher, publishedAt, url, accessedAt, createdById: userId } });
    await tx.sourceVersion.create({ data: { sourceId: source.id, version: 1, text } });
    await tx.mapSource.create({ data: { mapId, sourceId: source.id } });
    return { ...source, version: 1 };
  });
}

export type AddVersionResult =
  | { ok: true; version: number; previous: number | null }
  /** The source is not this map's: another map's, or a row shared from before sources had an owner. */
  | { ok: false; reason: "not-owned" };

/**
 * Appends version n+1 of a source (versions are immutable), only when `mapId` owns the source:
 * a source another map can read never changes through this one. The owner row is locked, so
 * two concurrent imports get n+1 and n+2 instead of colliding.
 */
export async function addSourceVersion(mapId: string, sourceId: string, text: string): Promise<AddVersionResult> {
  const prisma = await getPrisma();
  return prisma.$transaction(async (tx) => {
    const owned = await tx.$queryRaw<{ id: string }[]>`SELECT "id" FROM "Source" WHERE "id" = ${sourceId} AND "mapId" = ${mapId} FOR UPDATE`;
    if (owned.length === 0) return { ok: false, reason: "not-owned" } as const;
    const latest = await tx.sourceVersion.findFirst({ where: { sourceId }, orderBy: { version: "desc" }, select: { version: true } });
    const version = (latest?.version ?? 0) + 1;
    await tx.sourceVersion.create({ data: { sourceId, version, text } });
    return { ok: true, version, previous: latest?.version ?? null } as const;
  });
}

/** The texts of the given source versions (those that exist), for the projection's citation check. */
export async function findSourceVersionTexts(
  db: Pick<Database, "prisma">,
  versions: readonly { sourceId: string; version: number }[],
): Promise<{ sourceId: string; version: number; text: string }[]> {
  return db.prisma.sourceVersion.findMany({ where: { OR: [...versions] }, select: { sourceId: true, version: true, text: true } });
}
