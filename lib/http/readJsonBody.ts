/** Parses a JSON request body, or says clearly why it could not. */
export async function readJsonBody(request: Request, maxBytes = 64 * 1024): Promise<{ ok: true; value: unknown } | { ok: false; error: string }> {
  if (!(request.headers.get("content-type") ?? "").includes("application/json")) {
    return { ok: false, error: "Send a JSON body (Content-Type: application/json)." };
  }
  const text = await request.text();
  if (text.length > maxBytes) return { ok: false, error: `The request body is too large (limit ${maxBytes} bytes).` };
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return { ok: false, error: "The request body is not valid JSON." };
  }
}
