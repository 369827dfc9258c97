import type { IncomingMessage, ServerResponse } from "node:http";
import { formatBytes, MAX_REQUEST_BODY_BYTES } from "./bodyLimits";
import { DISCARD_AFTER_REFUSAL_BYTES } from "./readBodyBytes";

/**
 * For the HTTP server, in front of Next: answers 413 when a request declares a body larger
 * than any route accepts, so neither Next nor a library that reads bodies whole (next-auth)
 * buffers it. What the client still sends is dropped as it arrives (closing with unread data
 * would reset the connection and could lose the reply), up to DISCARD_AFTER_REFUSAL_BYTES,
 * then the socket is cut. Chunked bodies, which declare nothing, are capped by each route's
 * reader (readBodyBytes.ts). Returns whether it answered.
 */
export function refuseOversizedRequest(req: IncomingMessage, res: ServerResponse): boolean {
  const declared = Number(req.headers["content-length"] ?? "0");
  if (!(declared > MAX_REQUEST_BODY_BYTES)) return false;
  const error = `The request body is too large (${formatBytes(declared)}); no request here takes more than ${formatBytes(MAX_REQUEST_BODY_BYTES)}.`;
  let discarded = 0;
  req.on("data", (chunk: Buffer) => {
    discarded += chunk.length;
    if (discarded > DISCARD_AFTER_REFUSAL_BYTES) req.socket.destroy();
  });
  res.writeHead(413, { "content-type": "application/json", "x-content-type-options": "nosniff" }).end(JSON.stringify({ error }));
  return true;
}
