import { getPrisma } from "./client";
import type { Role } from "./generated/client";
import { insertMapFromTemplate, type MapTemplate } from "./mapTemplate";
import { effectiveRoleOf, mapRoleSelect } from "./effectiveRole";

export type MapRole = Role;

export interface MapListItem {
  id: string;
  title: string;
  /** The effective role: the higher of a direct share and the role in the map's team. */
  role: MapRole;
  updatedAt: string;
  teamId: string | null;
  teamName: string | null;
  /** The owners' names, so a copy of the sample map can be told from someone else's. */
  ownerNames: string[];
}

export async function listMapsForUser(userId: string): Promise<MapListItem[]> {
  const prisma = await getPrisma();
  const rows = await prisma.map.findMany({
    where: { OR: [{ members: { some: { userId } } }, { team: { members: { some: { userId } } } }] },
    select: {
      id: true,
      title: true,
      updatedAt: true,
      teamId: true,
      ...mapRoleSelect(userId),
      team: { select: { name: true, ...mapRoleSelect(userId).team.select } },
    },
    orderBy: { updatedAt: "desc" },
  });
  const owners = await prisma.mapMember.findMany({
    where: { mapId: { in: rows.map((r) => r.id) }, role: "owner" },
    select: { mapId: true, user: { select: { name: true } } },
    orderBy: { createdAt: "asc" },
  });
  const ownersOf = new Map<string, string[]>();
  for (const o of owners) ownersOf.set(o.mapId, [...(ownersOf.get(o.mapId) ?? []), o.user.name]);
  return rows.map((r) => ({
    id: r.id,
    title: r.title,
    // Listed maps have a share or a team role, so the effective role is never null.
    role: effectiveRoleOf(r).effective!,
    updatedAt: r.updatedAt.toISOString(),
    teamId: r.teamId,
    teamName: r.team?.name ?? null,
    ownerNames: ownersOf.get(r.id) ?? [],
  }));
}

export async function findMap(mapId: string) {
  const prisma = await getPrisma();
  return prisma.map.findUnique({ where: { id: mapId } });
}

/** The direct share only; access decisions use findMapRoleSources (effectiveRole.ts). */
export async function findMemberRole(mapId: string, userId: string): Promise<MapRole | null> {
  const prisma = await getPrisma();
  const row = await prisma.mapMember.findUnique({ where: { mapId_userId: { mapId, userId } }, select: { role: true } });
  return row?.role ?? null;
}

/**
 * Creates an account and, in the same transaction, the user's own copy of the sample map built
 * from `template` (the pristine sample, never a live map), with its own source rows, so a
 * failed copy leaves no half-made account behind.
 */
export async function createUserWithSampleCopy(
  input: {
    email: string;
    name: string;
    /** Null for an account that signs in only through an OAuth provider. */
    passwordHash: string | null;
    oauth?: { provider: string; providerAccountId: string };
  },
  template: MapTemplate,
): Promise<{ userId: string; mapId: string }> {
  const prisma = await getPrisma();
  return prisma.$transaction(async (tx) => {
    const user = await tx.user.create({
      data: { email: input.email, name: input.name, passwordHash: input.passwordHash, ...(input.oauth ? { oauthAccounts: { create: input.oauth } } : {}) },
    });
    const copy = await insertMapFromTemplate(tx, template, { ownerId: user.id });
    return { userId: user.id, mapId: copy.mapId };
  });
}
