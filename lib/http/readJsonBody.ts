import { JSON_BODY_LIMIT } from "./bodyLimits";
import { readBodyBytes } from "./readBodyBytes";

/** Parses a JSON request body of at most `maxBytes`, or says clearly why it could not (400, or 413 past the cap). */
export async function readJsonBody(request: Request, maxBytes = JSON_BODY_LIMIT): Promise<{ ok: true; value: unknown } | { ok: false; status: 400 | 413; error: string }> {
  if (!(request.headers.get("content-type") ?? "").includes("application/json")) {
    return { ok: false, status: 400, error: "Send a JSON body (Content-Type: application/json)." };
  }
  const read = await readBodyBytes(request, maxBytes);
  if (!read.ok) return read;
  try {
    return { ok: true, value: JSON.parse(new TextDecoder().decode(read.bytes)) };
  } catch {
    return { ok: false, status: 400, error: "The request body is not valid JSON." };
  }
}
