import { z } from "zod";
import { authorizeTeam, type TeamAccess } from "../auth/teamPermissions";
import type { TeamAction } from "../auth/policy";
import type { SessionUser } from "../auth/sessionUser";
import { parsedBody, readRouteInput, type RouteInputOptions } from "./routeInput";

export interface TeamRoute<P, B> {
  request: Request;
  user: SessionUser;
  access: Extract<TeamAccess, { ok: true }>;
  params: P;
  body: B;
}

export interface WithTeamOptions<P, B> extends RouteInputOptions<P, undefined> {
  body?: z.ZodType<B>;
}

const teamParams = z.object({ teamId: z.string() });

/**
 * A route handler on one team: origin, params, session, body read, the policy for `action`
 * (authorizeTeam: 401/404/403; a `userId` path parameter is the member team.removeMember is
 * about), the body parsed with the route's schema (400), then `handler` with the access.
 */
export function withTeam<P extends { teamId: string; userId?: string } = { teamId: string }, B = undefined>(
  action: TeamAction,
  options: WithTeamOptions<P, B>,
  handler: (route: TeamRoute<P, B>) => Promise<Response>,
): (request: Request, context: { params: Promise<P> }) => Promise<Response> {
  return async (request, context) => {
    const input = await readRouteInput(request, context.params, { ...options, params: options.params ?? (teamParams as unknown as z.ZodType<P>) });
    if (input instanceof Response) return input;
    const access = await authorizeTeam(input.user?.id ?? null, input.params.teamId, action, input.params.userId);
    if (!access.ok) return Response.json({ error: access.reason }, { status: access.status });
    const body = parsedBody(options.body, input.rawBody);
    if (body instanceof Response) return body;
    // authorizeTeam refuses a missing user with 401, so a granted access always has one.
    return handler({ request, user: input.user!, access, params: input.params, body: body.body });
  };
}
