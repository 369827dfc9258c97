/**
 * What a request says about itself through a reverse proxy (X-Forwarded-For/-Proto/-Host).
 * Anyone can send those headers, so they count only with TRUST_PROXY: its value is the number
 * of proxies in front of the app (`1`/`true` = one), and each header's value is read that many
 * entries from the right, i.e. what the outermost trusted proxy recorded; entries further left
 * are whatever the client sent and are ignored.
 */
export function trustedProxyHops(env: Record<string, string | undefined> = process.env): number {
  const raw = (env.TRUST_PROXY ?? "").trim().toLowerCase();
  if (raw === "" || raw === "0" || raw === "false" || raw === "no" || raw === "off") return 0;
  if (raw === "true" || raw === "yes" || raw === "on") return 1;
  const hops = Number(raw);
  if (!Number.isInteger(hops) || hops < 0 || hops > 10) {
    throw new Error(`TRUST_PROXY must be off (unset, 0, false) or the number of proxies in front of the app (1–10, true = 1); got "${env.TRUST_PROXY}"`);
  }
  return hops;
}

/** The entry `hops` from the right of a comma-separated forwarded header; null when absent or not trusted. */
export function forwardedValue(header: string | string[] | null | undefined, hops: number): string | null {
  if (hops <= 0 || header == null) return null;
  const entries = (Array.isArray(header) ? header.join(",") : header)
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  if (entries.length === 0) return null;
  // Fewer entries than proxies: the leftmost is still one a trusted proxy wrote.
  return entries[Math.max(0, entries.length - hops)];
}

/** The host the browser addressed: the forwarded one behind a trusted proxy, else Host. */
export function publicHost(host: string | null | undefined, forwardedHost: string | string[] | null | undefined, hops: number): string {
  return forwardedValue(forwardedHost, hops) ?? host ?? "";
}

/** The client's address: the forwarded one behind a trusted proxy, else the socket's peer. */
export function clientAddress(socketAddress: string | undefined, forwardedFor: string | string[] | null | undefined, hops: number): string {
  return forwardedValue(forwardedFor, hops) ?? socketAddress ?? "unknown";
}

/** True when the browser spoke https to the trusted proxy in front. */
export function forwardedHttps(forwardedProto: string | string[] | null | undefined, hops: number): boolean {
  return forwardedValue(forwardedProto, hops)?.toLowerCase() === "https";
}

/** The server process stamps these on every request (replacing any a client sent). */
export const CLIENT_IP_HEADER = "x-claimboard-client-ip";
export const HTTPS_HEADER = "x-claimboard-https";

/**
 * Whether the browser's connection is https, for Secure cookies: NEXTAUTH_URL says so, or a
 * trusted proxy did (the stamp above).
 */
export function browserUsesHttps(headers: { get(name: string): string | null }, env: Record<string, string | undefined> = process.env): boolean {
  return (env.NEXTAUTH_URL ?? "").startsWith("https://") || headers.get(HTTPS_HEADER) === "1";
}
