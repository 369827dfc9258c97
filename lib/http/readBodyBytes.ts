import { formatBytes } from "./bodyLimits";

export type BodyRead = { ok: true; bytes: Uint8Array } | { ok: false; status: 400 | 413; error: string };

export const bodyTooLarge = (maxBytes: number) => `The request body is larger than the ${formatBytes(maxBytes)} limit for this request.`;

/** What is read off and dropped after a 413 before the connection is cut (see discardRest). */
export const DISCARD_AFTER_REFUSAL_BYTES = 64 * 1024 * 1024;

/**
 * The one way route code reads a request body: chunk by chunk, never more than `maxBytes`
 * whatever Content-Length says (or without one, chunked). A declared length over the cap is
 * refused before anything is read; past the cap the rest is dropped as it arrives (discardRest),
 * never kept. `tooLarge` words the refusal for the route.
 */
export async function readBodyBytes(request: Request, maxBytes: number, tooLarge: (maxBytes: number) => string = bodyTooLarge): Promise<BodyRead> {
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > maxBytes) return { ok: false, status: 413, error: tooLarge(maxBytes) };
  if (!request.body) return { ok: true, bytes: new Uint8Array() };
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.byteLength;
      if (total > maxBytes) {
        void discardRest(reader);
        return { ok: false, status: 413, error: tooLarge(maxBytes) };
      }
      chunks.push(value);
    }
  } catch {
    return { ok: false, status: 400, error: "The request body could not be read (the upload was interrupted)." };
  }
  if (chunks.length === 1) return { ok: true, bytes: chunks[0] };
  const bytes = new Uint8Array(total);
  let at = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, at);
    at += chunk.byteLength;
  }
  return { ok: true, bytes };
}

/**
 * Reads and drops what a client still sends after its 413, while the reply goes out: a socket
 * closed with unread data makes the kernel reset the connection, and the client may then lose
 * the reply and report a network error instead of the 413. Past
 * DISCARD_AFTER_REFUSAL_BYTES the connection is cut (cancelling the body destroys the socket).
 */
async function discardRest(reader: ReadableStreamDefaultReader<Uint8Array>): Promise<void> {
  let discarded = 0;
  try {
    while (discarded <= DISCARD_AFTER_REFUSAL_BYTES) {
      const { done, value } = await reader.read();
      if (done) return;
      discarded += value.byteLength;
    }
    await reader.cancel();
  } catch {
    /* the client went away */
  }
}

/** The reply to a body that could not be read (400, or 413 past the cap), as JSON. */
export function bodyRefusal(read: { status: number; error: string }): Response {
  return Response.json({ error: read.error }, { status: read.status });
}
