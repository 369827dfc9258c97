import { z } from "zod";
import { bumpSessionVersion, findSessionVersion } from "../db/sessionVersion";
import { listMapsForUser } from "../db/maps";
import { publishMapEvent } from "../collab/mapEvents";
import { firstIssueMessage } from "./credentialsSchema";
import { fail, type ServiceResult } from "./serviceResult";

/**
 * Sessions are JWTs (30 days), so signing out deletes only the browser's cookie. Each token
 * carries the user's session version from when it was issued (claim `sv`); bumping the version
 * (password change, "sign out everywhere") makes every older token worthless. Checked on every
 * session lookup and socket upgrade with one primary-key read and no cache: with two instances
 * a cached version could let a revoked token in on the other one.
 */
export const SESSION_VERSION_CLAIM = "sv";

/** Tokens issued before versions existed carry none: they count as version 0. */
export function tokenSessionVersion(token: Record<string, unknown> | null | undefined): number {
  const value = token?.[SESSION_VERSION_CLAIM];
  return typeof value === "number" && Number.isInteger(value) ? value : 0;
}

export async function sessionStillValid(userId: string, tokenVersion: number): Promise<boolean> {
  return (await findSessionVersion(userId)) === tokenVersion;
}

export async function currentSessionVersion(userId: string): Promise<number> {
  return (await findSessionVersion(userId)) ?? 0;
}

/**
 * After a bump: the user's open sockets are closed as on an access change (4509); the client
 * reconnects and its upgrade, re-authorized, is refused if its cookie is the revoked one.
 */
export async function closeSocketsOf(userId: string): Promise<void> {
  for (const map of await listMapsForUser(userId)) publishMapEvent(map.id, { type: "access-changed", userId });
}

export const signOutEverywhereSchema = z.object({}).strict();

/** "Sign out everywhere": every session of the user, this one included, stops working. */
export async function signOutEverywhere(userId: string | null, raw: unknown): Promise<ServiceResult<{ signedOut: true }>> {
  if (!userId) return fail(401, "Sign in to sign out your sessions.");
  const parsed = signOutEverywhereSchema.safeParse(raw ?? {});
  if (!parsed.success) return fail(400, `Send an empty JSON object {} to sign out everywhere (${firstIssueMessage(parsed.error)}).`);
  await bumpSessionVersion(userId);
  await closeSocketsOf(userId);
  return { ok: true, value: { signedOut: true } };
}
