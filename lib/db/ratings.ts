import { getPrisma } from "./client";

/** Per claim: every member's impact votes (0–4) on a map, as the strength formula takes them. */
export async function loadRatingVotes(mapId: string): Promise<Map<string, number[]>> {
  const prisma = await getPrisma();
  const rows = await prisma.rating.findMany({ where: { mapId }, select: { claimId: true, value: true } });
  const votes = new Map<string, number[]>();
  for (const r of rows) {
    const list = votes.get(r.claimId);
    if (list) list.push(r.value);
    else votes.set(r.claimId, [r.value]);
  }
  return votes;
}

export interface ClaimRatingSummary {
  claimId: string;
  mean: number;
  count: number;
  /** The asking user's own vote, null when they have not rated this claim. */
  mine: number | null;
}

/** Mean and count per rated claim, plus one user's own vote. */
export async function summarizeRatings(mapId: string, userId: string): Promise<ClaimRatingSummary[]> {
  const prisma = await getPrisma();
  const [groups, mine] = await Promise.all([
    prisma.rating.groupBy({ by: ["claimId"], where: { mapId }, _avg: { value: true }, _count: { _all: true }, orderBy: { claimId: "asc" } }),
    prisma.rating.findMany({ where: { mapId, userId }, select: { claimId: true, value: true } }),
  ]);
  const own = new Map(mine.map((r) => [r.claimId, r.value]));
  return groups.map((g) => ({ claimId: g.claimId, mean: g._avg.value ?? 0, count: g._count._all, mine: own.get(g.claimId) ?? null }));
}

/** Sets (upserts) or clears (null) one user's vote on a claim. */
export async function writeRating(mapId: string, claimId: string, userId: string, value: number | null): Promise<void> {
  const prisma = await getPrisma();
  const key = { mapId_claimId_userId: { mapId, claimId, userId } };
  if (value === null) {
    await prisma.rating.deleteMany({ where: { mapId, claimId, userId } });
    return;
  }
  await prisma.rating.upsert({ where: key, create: { mapId, claimId, userId, value }, update: { value } });
}

/** The claim's kind per the map's relational projection (null: not there; it can lag the live doc briefly). */
export async function projectedClaimKind(mapId: string, claimId: string): Promise<string | null> {
  const prisma = await getPrisma();
  const row = await prisma.claim.findUnique({ where: { mapId_id: { mapId, id: claimId } }, select: { kind: true } });
  return row?.kind ?? null;
}
