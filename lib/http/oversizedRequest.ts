import type { IncomingMessage, ServerResponse } from "node:http";
import { formatBytes, MAX_REQUEST_BODY_BYTES } from "./bodyLimits";

/**
 * For the HTTP server, in front of Next: answers 413 (and closes the connection) when a
 * request declares a body larger than any route accepts, so neither Next nor a library that
 * reads bodies whole (next-auth) buffers it. Chunked bodies, which declare nothing, are capped
 * by each route's reader (readBodyBytes.ts). Returns whether it answered.
 */
export function refuseOversizedRequest(req: IncomingMessage, res: ServerResponse): boolean {
  const declared = Number(req.headers["content-length"] ?? "0");
  if (!(declared > MAX_REQUEST_BODY_BYTES)) return false;
  const error = `The request body is too large (${formatBytes(declared)}); no request here takes more than ${formatBytes(MAX_REQUEST_BODY_BYTES)}.`;
  res.writeHead(413, { "content-type": "application/json", "x-content-type-options": "nosniff", connection: "close" }).end(JSON.stringify({ error }));
  return true;
}
