import { formatBytes } from "./bodyLimits";

export type BodyRead = { ok: true; bytes: Uint8Array } | { ok: false; status: 400 | 413; error: string };

export const bodyTooLarge = (maxBytes: number) => `The request body is larger than the ${formatBytes(maxBytes)} limit for this request.`;

/**
 * The one way route code reads a request body: chunk by chunk, never more than `maxBytes`
 * whatever Content-Length says (or without one, chunked). A declared length over the cap is
 * refused before anything is read; a stream that passes it is left unread from there (Node
 * discards the rest once the reply is sent; cancelling it would drop the connection before the
 * 413 reaches the client). `tooLarge` words the refusal for the route.
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
        reader.releaseLock();
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

/** The reply to a body that could not be read; `connection: close` so a client still sending stops. */
export function bodyRefusal(read: { status: number; error: string }): Response {
  return Response.json({ error: read.error }, { status: read.status, headers: read.status === 413 ? { connection: "close" } : undefined });
}
