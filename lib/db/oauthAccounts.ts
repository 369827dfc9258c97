import { getPrisma } from "./client";
import { createUserWithSampleCopy } from "./maps";
import type { MapTemplate } from "./mapTemplate";
import { isUniqueViolation } from "./users";

export interface OAuthIdentity {
  provider: string;
  providerAccountId: string;
  email: string | null;
  /** Only a provider-verified email may link to an existing account (else: account takeover). */
  emailVerified: boolean;
  name: string | null;
}

export type OAuthUserResult = { ok: true; userId: string; created: boolean } | { ok: false; reason: "NoEmail" | "EmailTaken" };

/**
 * The user an OAuth sign-in belongs to: the one linked to this provider account, else the
 * account with the same verified email (now linked), else a new account with its own copy
 * of the sample map, built from `sampleTemplate` like a password sign-up's.
 */
export async function findOrCreateOAuthUser(identity: OAuthIdentity, sampleTemplate: () => MapTemplate): Promise<OAuthUserResult> {
  const prisma = await getPrisma();
  const key = { provider: identity.provider, providerAccountId: identity.providerAccountId };
  const linked = await prisma.oAuthAccount.findUnique({ where: { provider_providerAccountId: key }, select: { userId: true } });
  if (linked) return { ok: true, userId: linked.userId, created: false };
  const email = identity.email?.trim().toLowerCase() || null;
  if (!email) return { ok: false, reason: "NoEmail" };
  const existing = await prisma.user.findUnique({ where: { email }, select: { id: true } });
  if (existing) {
    if (!identity.emailVerified) return { ok: false, reason: "EmailTaken" };
    await prisma.oAuthAccount.create({ data: { ...key, userId: existing.id } });
    return { ok: true, userId: existing.id, created: false };
  }
  try {
    const created = await createUserWithSampleCopy({ email, name: identity.name?.trim() || email.split("@")[0], passwordHash: null, oauth: key }, sampleTemplate());
    return { ok: true, userId: created.userId, created: true };
  } catch (error) {
    // Two first sign-ins racing: the unique index decides; the loser finds the winner's link.
    if (!isUniqueViolation(error)) throw error;
    const again = await prisma.oAuthAccount.findUnique({ where: { provider_providerAccountId: key }, select: { userId: true } });
    return again ? { ok: true, userId: again.userId, created: false } : { ok: false, reason: "EmailTaken" };
  }
}
