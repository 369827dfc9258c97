import { getPrisma } from "./client";
import type { Role } from "./generated/client";
import { recordAudit } from "./auditLog";

export interface TeamListItem {
  id: string;
  name: string;
  role: Role;
  memberCount: number;
}

export interface TeamMemberView {
  userId: string;
  email: string;
  name: string;
  role: Role;
}

/** Creates a team with its creator as owner (and the audit entry) in one transaction. */
export async function createTeam(name: string, ownerId: string): Promise<{ id: string; name: string }> {
  const prisma = await getPrisma();
  return prisma.$transaction(async (tx) => {
    const team = await tx.team.create({ data: { name, members: { create: { userId: ownerId, role: "owner" } } } });
    await recordAudit({ teamId: team.id, actorId: ownerId, action: "team.created", detail: { name } }, tx);
    return { id: team.id, name: team.name };
  });
}

export async function listTeamsForUser(userId: string): Promise<TeamListItem[]> {
  const prisma = await getPrisma();
  const rows = await prisma.teamMember.findMany({
    where: { userId },
    include: { team: { select: { id: true, name: true, _count: { select: { members: true } } } } },
    orderBy: { team: { name: "asc" } },
  });
  return rows.map((r) => ({ id: r.team.id, name: r.team.name, role: r.role, memberCount: r.team._count.members }));
}

export async function findTeam(teamId: string): Promise<{ id: string; name: string } | null> {
  const prisma = await getPrisma();
  return prisma.team.findUnique({ where: { id: teamId }, select: { id: true, name: true } });
}

export async function findTeamRole(teamId: string, userId: string): Promise<Role | null> {
  const prisma = await getPrisma();
  const row = await prisma.teamMember.findUnique({ where: { teamId_userId: { teamId, userId } }, select: { role: true } });
  return row?.role ?? null;
}

export async function listTeamMembers(teamId: string): Promise<TeamMemberView[]> {
  const prisma = await getPrisma();
  const rows = await prisma.teamMember.findMany({
    where: { teamId },
    include: { user: { select: { email: true, name: true } } },
    orderBy: { createdAt: "asc" },
  });
  return rows.map((r) => ({ userId: r.userId, email: r.user.email, name: r.user.name, role: r.role }));
}

export async function setTeamMemberRole(teamId: string, userId: string, role: Role): Promise<void> {
  const prisma = await getPrisma();
  await prisma.teamMember.upsert({
    where: { teamId_userId: { teamId, userId } },
    create: { teamId, userId, role },
    update: { role },
  });
}

/** Returns false when the user was not a member. */
export async function removeTeamMember(teamId: string, userId: string): Promise<boolean> {
  const prisma = await getPrisma();
  const { count } = await prisma.teamMember.deleteMany({ where: { teamId, userId } });
  return count > 0;
}

export async function countTeamOwners(teamId: string): Promise<number> {
  const prisma = await getPrisma();
  return prisma.teamMember.count({ where: { teamId, role: "owner" } });
}

/** The new owner becomes owner and the previous one an editor, together. */
export async function transferTeamOwnership(teamId: string, fromUserId: string, toUserId: string): Promise<void> {
  const prisma = await getPrisma();
  await prisma.$transaction(async (tx) => {
    await tx.teamMember.update({ where: { teamId_userId: { teamId, userId: toUserId } }, data: { role: "owner" } });
    await tx.teamMember.update({ where: { teamId_userId: { teamId, userId: fromUserId } }, data: { role: "editor" } });
  });
}

export async function listTeamMapIds(teamId: string): Promise<string[]> {
  const prisma = await getPrisma();
  const rows = await prisma.map.findMany({ where: { teamId }, select: { id: true } });
  return rows.map((r) => r.id);
}

export async function listTeamMaps(teamId: string): Promise<{ id: string; title: string; updatedAt: string }[]> {
  const prisma = await getPrisma();
  const rows = await prisma.map.findMany({ where: { teamId }, select: { id: true, title: true, updatedAt: true }, orderBy: { updatedAt: "desc" } });
  return rows.map((r) => ({ id: r.id, title: r.title, updatedAt: r.updatedAt.toISOString() }));
}
