import { createHash, randomBytes } from "node:crypto";

/** A new invite token (32 random bytes, base64url): shown once, never stored. */
export function newInviteToken(): string {
  return randomBytes(32).toString("base64url");
}

/** What the database keeps instead of the token, so a leaked table grants nothing. */
export function hashInviteToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}
