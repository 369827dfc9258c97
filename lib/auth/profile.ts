import { z } from "zod";
import { PASSWORD_MIN_LENGTH, firstIssueMessage } from "./credentialsSchema";
import { hashPassword, verifyPassword } from "./password";
import { fail, type ServiceResult } from "./serviceResult";
import { findPasswordHash, findUserProfile, updateUserProfile, type UserProfile } from "../db/userProfile";
import { replacePasswordHash } from "../db/sessionVersion";
import { closeSocketsOf } from "./sessionVersion";

export const profileSchema = z.object({
  name: z.string().trim().min(1, "Your name cannot be empty.").max(80, "Keep your name under 80 characters.").optional(),
  // Null goes back to the colour derived from the account id.
  color: z.string().regex(/^#[0-9a-fA-F]{6}$/, "Pick a colour as #rrggbb.").transform((c) => c.toLowerCase()).nullable().optional(),
});

export const passwordChangeSchema = z.object({
  currentPassword: z.string().max(200),
  newPassword: z
    .string()
    .min(PASSWORD_MIN_LENGTH, `Use a password of at least ${PASSWORD_MIN_LENGTH} characters.`)
    .max(200, "That password is too long (200 characters at most)."),
});

export async function profileOf(userId: string | null): Promise<ServiceResult<UserProfile>> {
  if (!userId) return fail(401, "Sign in to see your profile.");
  const profile = await findUserProfile(userId);
  return profile ? { ok: true, value: profile } : fail(404, "Your account no longer exists.");
}

export async function updateProfile(userId: string | null, raw: unknown): Promise<ServiceResult<UserProfile>> {
  if (!userId) return fail(401, "Sign in to change your profile.");
  const parsed = profileSchema.safeParse(raw);
  if (!parsed.success) return fail(400, firstIssueMessage(parsed.error));
  await updateUserProfile(userId, parsed.data);
  return profileOf(userId);
}

/**
 * The current password is required (an OAuth-only account sets its first one without it).
 * Every session issued before, this one included, stops working (sessionVersion.ts); the
 * profile page signs in again with the new password.
 */
export async function changePassword(userId: string | null, raw: unknown): Promise<ServiceResult<{ changed: true }>> {
  if (!userId) return fail(401, "Sign in to change your password.");
  const parsed = passwordChangeSchema.safeParse(raw);
  if (!parsed.success) return fail(400, firstIssueMessage(parsed.error));
  const hash = await findPasswordHash(userId);
  if (hash && !(await verifyPassword(parsed.data.currentPassword, hash))) return fail(403, "Your current password is not correct.");
  await replacePasswordHash(userId, await hashPassword(parsed.data.newPassword));
  await closeSocketsOf(userId);
  return { ok: true, value: { changed: true } };
}
