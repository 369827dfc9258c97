import { z } from "zod";
import { authorizeMap, type MapAccess } from "../auth/mapPermissions";
import type { MapAction } from "../auth/policy";
import type { SessionUser } from "../auth/sessionUser";
import { parsedBody, readRouteInput, type RouteInputOptions } from "./routeInput";

export interface MapRoute<P, B, Q> {
  request: Request;
  user: SessionUser;
  access: Extract<MapAccess, { ok: true }>;
  params: P;
  body: B;
  query: Q;
}

export interface WithMapOptions<P, B, Q> extends RouteInputOptions<P, Q> {
  body?: z.ZodType<B>;
  /** Rewords only the 403, for routes whose refusal names the action ("Only editors and owners can …"). */
  forbidden?: string;
}

const mapParams = z.object({ mapId: z.string() });

/**
 * A route handler on one map (as dub's withWorkspace): origin, params and query, session,
 * body read, the policy for `action` (authorizeMap: 401/404/403 with its reason), the body
 * parsed with the route's schema (400), then `handler` with the granted access.
 */
export function withMap<P extends { mapId: string } = { mapId: string }, B = undefined, Q = undefined>(
  action: MapAction,
  options: WithMapOptions<P, B, Q>,
  handler: (route: MapRoute<P, B, Q>) => Promise<Response>,
): (request: Request, context: { params: Promise<P> }) => Promise<Response> {
  return async (request, context) => {
    const input = await readRouteInput(request, context.params, { ...options, params: options.params ?? (mapParams as unknown as z.ZodType<P>) });
    if (input instanceof Response) return input;
    const access = await authorizeMap(input.user?.id ?? null, input.params.mapId, action);
    if (!access.ok) return Response.json({ error: access.status === 403 && options.forbidden ? options.forbidden : access.reason }, { status: access.status });
    const body = parsedBody(options.body, input.rawBody);
    if (body instanceof Response) return body;
    // authorizeMap refuses a missing user with 401, so a granted access always has one.
    return handler({ request, user: input.user!, access, params: input.params, body: body.body, query: input.query });
  };
}
