import { getPrisma } from "./client";

/** The user's current session version; null when the account no longer exists. One primary-key read. */
export async function findSessionVersion(userId: string): Promise<number | null> {
  const prisma = await getPrisma();
  return (await prisma.user.findUnique({ where: { id: userId }, select: { sessionVersion: true } }))?.sessionVersion ?? null;
}

/** Bumps the version (revoking every session issued before) and returns the new one. */
export async function bumpSessionVersion(userId: string): Promise<number> {
  const prisma = await getPrisma();
  return (await prisma.user.update({ where: { id: userId }, data: { sessionVersion: { increment: 1 } }, select: { sessionVersion: true } })).sessionVersion;
}

/** A new password and a bumped version in one write, so no session outlives the old password. */
export async function replacePasswordHash(userId: string, passwordHash: string): Promise<void> {
  const prisma = await getPrisma();
  await prisma.user.update({ where: { id: userId }, data: { passwordHash, sessionVersion: { increment: 1 } } });
}
