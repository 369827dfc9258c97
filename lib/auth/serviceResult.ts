import { refusal } from "../http/refusal";

/** What the auth-checked operations return to route handlers: a value, or a status and a message. */
export type ServiceResult<T> = { ok: true; value: T } | { ok: false; status: 400 | 401 | 403 | 404 | 409 | 410; error: string };

export function fail(status: 400 | 401 | 403 | 404 | 409 | 410, error: string): { ok: false; status: 400 | 401 | 403 | 404 | 409 | 410; error: string } {
  return { ok: false, status, error };
}

/** Turns a ServiceResult into the JSON response every handler sends. */
export function serviceResponse<T>(result: ServiceResult<T>, okStatus = 200): Response {
  if (!result.ok) return refusal(result);
  return Response.json(result.value ?? null, { status: okStatus });
}
