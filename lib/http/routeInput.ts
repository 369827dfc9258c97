import { z } from "zod";
import { firstIssueMessage } from "../auth/credentialsSchema";
import { getSessionUser, type SessionUser } from "../auth/sessionUser";
import { rejectCrossOrigin } from "./originPolicy";
import { readJsonBody } from "./readJsonBody";
import { bodyRefusal } from "./readBodyBytes";

/** What withMap and withTeam parse before the policy runs. */
export interface RouteInputOptions<P, Q> {
  /** The route's path parameters (default: the strings Next passes). */
  params?: z.ZodType<P>;
  /** The query string, parsed before the session is resolved: a malformed one is 400 for anyone. */
  query?: z.ZodType<Q>;
  /** How a bad query is reported (default: its first issue). */
  queryError?: (error: z.ZodError) => string;
  /** A JSON body is read (and later parsed with this schema after the policy allowed the action). */
  body?: z.ZodType<unknown>;
}

export interface RouteInput<P, Q> {
  params: P;
  query: Q;
  user: SessionUser | null;
  /** The JSON body as read, unvalidated; undefined without a body schema or when signed out. */
  rawBody: unknown;
}

const anyParams = z.record(z.string(), z.string());

/**
 * The checks every wrapped route runs before the policy, in the security model's order: a
 * state-changing browser request from another origin is refused before anything is read, then
 * the path and query are parsed, the session resolved, and the JSON body read (at most
 * JSON_BODY_LIMIT bytes) — only for a signed-in user, whom the policy may then refuse: an
 * anonymous body is never read. A refusal is the Response to send.
 */
export async function readRouteInput<P, Q>(request: Request, rawParams: Promise<unknown> | undefined, options: RouteInputOptions<P, Q>): Promise<RouteInput<P, Q> | Response> {
  if (request.method !== "GET" && request.method !== "HEAD") {
    const crossOrigin = rejectCrossOrigin(request);
    if (crossOrigin) return crossOrigin;
  }
  const params = (options.params ?? anyParams).safeParse((await rawParams) ?? {});
  if (!params.success) return Response.json({ error: firstIssueMessage(params.error) }, { status: 400 });
  let query = undefined as Q;
  if (options.query) {
    // The first value of a repeated key, as URLSearchParams.get reads it.
    const search = new URL(request.url).searchParams;
    const parsed = options.query.safeParse(Object.fromEntries([...new Set(search.keys())].map((key) => [key, search.get(key)])));
    if (!parsed.success) return Response.json({ error: (options.queryError ?? firstIssueMessage)(parsed.error) }, { status: 400 });
    query = parsed.data;
  }
  const user = await getSessionUser();
  let rawBody: unknown = undefined;
  if (options.body && user) {
    const read = await readJsonBody(request);
    if (!read.ok) return bodyRefusal(read);
    rawBody = read.value;
  }
  return { params: params.data as P, query, user, rawBody };
}

/** The body parsed with the route's schema once the policy allowed the action, or the 400 to send. */
export function parsedBody<B>(schema: z.ZodType<B> | undefined, raw: unknown): { ok: true; body: B } | Response {
  if (!schema) return { ok: true, body: undefined as B };
  const parsed = schema.safeParse(raw);
  if (!parsed.success) return Response.json({ error: firstIssueMessage(parsed.error) }, { status: 400 });
  return { ok: true, body: parsed.data };
}
