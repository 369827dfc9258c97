import { getSessionUser } from "../auth/sessionUser";
import { rejectCrossOrigin } from "./originPolicy";
import { readJsonBody } from "./readJsonBody";

/** What a state-changing route handler acts on once the request passed the checks below. */
export interface MutationRequest<P> {
  params: P;
  /** The session user's id; null when signed out (the lib call then refuses with 401). */
  actorId: string | null;
  /** The parsed JSON body (unvalidated: the lib call validates it with its zod schema). */
  body: unknown;
}

/**
 * The checks every state-changing route runs first, in the security model's order
 * (DESIGN.md): a browser request from another origin is refused before anything is read, then
 * the session is resolved, then the JSON body is parsed. A refusal comes back as the Response
 * to send (403 cross-origin, 400 with the reason the body could not be read).
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
  if (wantsBody) {
    const read = await readJsonBody(request);
    if (!read.ok) return Response.json({ error: read.error }, { status: 400 });
    body = read.value;
  }
  return { params: resolved, actorId: user?.id ?? null, body };
}
