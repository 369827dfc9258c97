import { publicHost, trustedProxyHops } from "./forwardedRequest";

/**
 * Same-origin policy for state-changing requests and WebSocket upgrades. Browsers attach
 * cookies to cross-site form posts and WebSocket upgrades, so a request whose Origin is
 * another site must not act on the user's session. Requests without an Origin (curl, server
 * to server) are judged by their credentials alone. ALLOWED_ORIGINS (comma-separated) admits
 * extra origins, e.g. a separate front-end host behind the same load balancer.
 */
export function allowedOriginsFromEnv(env: NodeJS.ProcessEnv = process.env): string[] {
  return [env.ALLOWED_ORIGINS, env.COLLAB_ALLOWED_ORIGINS]
    .filter(Boolean)
    .flatMap((list) => list!.split(","))
    .map((s) => s.trim().replace(/\/+$/, ""))
    .filter(Boolean);
}

export function originAllowedFor(origin: string | null | undefined, host: string | null | undefined, allowed: readonly string[]): boolean {
  if (!origin) return true;
  if (allowed.includes(origin.replace(/\/+$/, ""))) return true;
  try {
    return new URL(origin).host.toLowerCase() === (host ?? "").toLowerCase();
  } catch {
    return false;
  }
}

/**
 * For route handlers: a 403 response when a browser request comes from another origin. The
 * host compared with is X-Forwarded-Host only behind TRUST_PROXY: otherwise a client could
 * send one matching its own Origin.
 */
export function rejectCrossOrigin(request: Request): Response | null {
  const host = publicHost(request.headers.get("host"), request.headers.get("x-forwarded-host"), trustedProxyHops());
  const ok = originAllowedFor(request.headers.get("origin"), host, allowedOriginsFromEnv());
  return ok ? null : Response.json({ error: "Cross-origin requests are not allowed." }, { status: 403 });
}
