import { getPrisma } from "./client";

export interface UserProfile {
  id: string;
  email: string;
  name: string;
  color: string | null;
  hasPassword: boolean;
}

export async function findUserProfile(userId: string): Promise<UserProfile | null> {
  const prisma = await getPrisma();
  const user = await prisma.user.findUnique({ where: { id: userId } });
  if (!user) return null;
  return { id: user.id, email: user.email, name: user.name, color: user.color, hasPassword: user.passwordHash !== null };
}

export async function updateUserProfile(userId: string, changes: { name?: string; color?: string | null }): Promise<void> {
  const prisma = await getPrisma();
  await prisma.user.update({ where: { id: userId }, data: changes });
}

export async function findPasswordHash(userId: string): Promise<string | null> {
  const prisma = await getPrisma();
  return (await prisma.user.findUnique({ where: { id: userId }, select: { passwordHash: true } }))?.passwordHash ?? null;
}
