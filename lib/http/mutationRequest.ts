import { getSessionUser } from "../auth/sessionUser";
import { rejectCrossOrigin } from "./originPolicy";
import { readJsonBody } from "./readJsonBody";
import { bodyRefusal } from "./readBodyBytes";

/** What a state-changing route handler acts on once the request passed the checks below. */
export interface MutationRequest<P> {
  params: P;
  /** The session user's id; null when signed out (the lib call then refuses with 401). */
  actorId: string | null;
  /** The parsed JSON body (unvalidated: the lib call validates it with its zod schema); undefined when signed out. */
  body: unknown;
}

/**
 * The checks every state-changing route runs first, in the security model's order
 * (DESIGN.md): a browser request from another origin is refused before anything is read, then
 * the session is resolved, then the JSON body is read (at most JSON_BODY_LIMIT bytes) — only for
 * a signed-in user: every lib call refuses a missing actor with its own 401 before looking at
 * the body, so an anonymous body is never read at all. A refusal comes back as the Response to
 * send (403 cross-origin, 400 or 413 with the reason the body could not be read).
 */
export async function mutationRequest<P = Record<string, never>>(
  request: Request,
  params?: Promise<P>,
  { body: wantsBody = true }: { body?: boolean } = {},
): Promise<MutationRequest<P> | Response> {
  const crossOrigin = rejectCrossOrigin(request);
  if (crossOrigin) return crossOrigin;
  const resolved = ((await params) ?? {}) as P;
  const user = await getSessionUser();
  let body: unknown = undefined;
  if (wantsBody && user) {
    const read = await readJsonBody(request);
    if (!read.ok) return bodyRefusal(read);
    body = read.value;
  }
  return { params: resolved, actorId: user?.id ?? null, body };
}
