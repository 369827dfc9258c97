import type { IncomingMessage } from "node:http";
import { decode } from "next-auth/jwt";
import { z } from "zod";
import { authorizeMap } from "../../lib/auth/mapPermissions";
import type { MapRole } from "../../lib/db/maps";
import { originAllowedFor } from "../../lib/http/originPolicy";
import { publicHost, trustedProxyHops } from "../../lib/http/forwardedRequest";
import { sessionStillValid, tokenSessionVersion } from "../../lib/auth/sessionVersion";

// Everything here runs before the WebSocket handshake completes, so a refusal is an
// ordinary HTTP status the browser's failed upgrade (and our tests) can observe, and no
// socket of an unauthorized user ever joins a room.

export const mapIdSchema = z.string().min(1).max(64).regex(/^[A-Za-z0-9_-]+$/);

export type UpgradeDecision =
  | { ok: true; mapId: string; userId: string; role: MapRole; readOnly: boolean }
  | { ok: false; status: 400 | 401 | 403 | 404; reason: string };

const SESSION_COOKIES = ["__Secure-next-auth.session-token", "next-auth.session-token"];

export function parseCookies(header: string | undefined): Map<string, string> {
  const out = new Map<string, string>();
  if (!header) return out;
  for (const part of header.split(";")) {
    const eq = part.indexOf("=");
    if (eq <= 0) continue;
    const name = part.slice(0, eq).trim();
    let value = part.slice(eq + 1).trim();
    if (value.startsWith('"') && value.endsWith('"')) value = value.slice(1, -1);
    try {
      value = decodeURIComponent(value);
    } catch {
      // keep the raw value; a bad escape just makes the token fail to decode
    }
    if (!out.has(name)) out.set(name, value);
  }
  return out;
}

/** The session token, reassembled when next-auth split a large one into `.0`, `.1`, … cookies. */
export function sessionTokenFromCookies(cookies: Map<string, string>): string | null {
  for (const name of SESSION_COOKIES) {
    const whole = cookies.get(name);
    if (whole) return whole;
    const chunks: [number, string][] = [];
    for (const [key, value] of cookies) {
      const m = key.startsWith(name + ".") ? /^\d+$/.exec(key.slice(name.length + 1)) : null;
      if (m) chunks.push([Number(m[0]), value]);
    }
    if (chunks.length > 0) return chunks.sort((a, b) => a[0] - b[0]).map(([, v]) => v).join("");
  }
  return null;
}

export async function sessionUserId(req: IncomingMessage): Promise<string | null> {
  const token = sessionTokenFromCookies(parseCookies(req.headers.cookie));
  const secret = process.env.NEXTAUTH_SECRET;
  if (!token || !secret) return null;
  let payload: Awaited<ReturnType<typeof decode>>;
  try {
    payload = await decode({ token, secret });
  } catch {
    // expired, tampered with, or signed with another secret
    return null;
  }
  if (typeof payload?.sub !== "string" || payload.sub === "") return null;
  // Revoked by a password change or "sign out everywhere" (lib/auth/sessionVersion.ts). A
  // database error propagates like authorizeMap's below.
  return (await sessionStillValid(payload.sub, tokenSessionVersion(payload))) ? payload.sub : null;
}

/**
 * Browsers send Origin on WebSocket upgrades and do not apply CORS to them, so without this
 * check any site could open a socket riding the user's cookie (cross-site WebSocket hijacking).
 * Non-browser clients send no Origin and are judged by their cookie alone.
 */
export function originAllowed(req: IncomingMessage, allowedOrigins: readonly string[]): boolean {
  // X-Forwarded-Host only behind TRUST_PROXY (the server strips it otherwise: proxyHeaders.ts).
  return originAllowedFor(req.headers.origin, publicHost(req.headers.host, req.headers["x-forwarded-host"], trustedProxyHops()), allowedOrigins);
}

export async function authorizeUpgrade(req: IncomingMessage, rawMapId: string, allowedOrigins: readonly string[]): Promise<UpgradeDecision> {
  const parsed = mapIdSchema.safeParse(rawMapId);
  if (!parsed.success) return { ok: false, status: 400, reason: "Bad map id." };
  if (!originAllowed(req, allowedOrigins)) return { ok: false, status: 403, reason: "Origin not allowed." };
  const userId = await sessionUserId(req);
  if (!userId) return { ok: false, status: 401, reason: "Sign in to open this map." };
  const access = await authorizeMap(userId, parsed.data, "map.read");
  if (!access.ok) return { ok: false, status: access.status, reason: access.reason };
  return { ok: true, mapId: parsed.data, userId, role: access.role, readOnly: access.readOnly };
}
