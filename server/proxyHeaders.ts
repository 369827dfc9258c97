import type { IncomingMessage, ServerResponse } from "node:http";
import { CLIENT_IP_HEADER, HTTPS_HEADER, clientAddress, forwardedHttps } from "../lib/http/forwardedRequest";

const FORWARDED = ["x-forwarded-for", "x-forwarded-proto", "x-forwarded-host", "forwarded"];

// One year; no includeSubDomains, which would bind hosts of the operator's that this app does not serve.
export const HSTS_VALUE = "max-age=31536000";

/**
 * Run on every request and upgrade before anything else reads the headers. Stamps the client
 * address and whether the browser spoke https (route handlers cannot see the socket), replacing
 * whatever a client sent under those names. Without TRUST_PROXY the forwarded headers are
 * removed, so nothing downstream (the origin check, next-auth) can be fooled by them.
 */
export function stampRequest(req: IncomingMessage, hops: number, nextAuthUrl = process.env.NEXTAUTH_URL ?? ""): { https: boolean } {
  const https = nextAuthUrl.startsWith("https://") || forwardedHttps(req.headers["x-forwarded-proto"], hops);
  req.headers[CLIENT_IP_HEADER] = clientAddress(req.socket.remoteAddress, req.headers["x-forwarded-for"], hops);
  req.headers[HTTPS_HEADER] = https ? "1" : "0";
  if (hops === 0) for (const name of FORWARDED) delete req.headers[name];
  return { https };
}

/** HSTS only where the browser really is on https (it would be ignored over http anyway). */
export function applyTransportSecurity(res: ServerResponse, https: boolean): void {
  if (https) res.setHeader("Strict-Transport-Security", HSTS_VALUE);
}
