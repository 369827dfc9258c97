import { mutationRequest } from "@/lib/http/mutationRequest";
import { changeTeamMemberRole, removeFromTeam } from "@/lib/auth/teamManagement";
import { serviceResponse } from "@/lib/auth/serviceResult";

export const dynamic = "force-dynamic";

type Ctx = { params: Promise<{ teamId: string; userId: string }> };

/** PATCH {role} — an owner changes a member's role; their sockets on team maps re-authorize. */
export async function PATCH(request: Request, { params }: Ctx) {
  const req = await mutationRequest(request, params);
  if (req instanceof Response) return req;
  const { teamId, userId } = req.params;
  return serviceResponse(await changeTeamMemberRole(req.actorId, teamId, userId, req.body));
}

/** DELETE — an owner removes a member, or a member (their own id) leaves. */
export async function DELETE(request: Request, { params }: Ctx) {
  const req = await mutationRequest(request, params, { body: false });
  if (req instanceof Response) return req;
  const { teamId, userId } = req.params;
  return serviceResponse(await removeFromTeam(req.actorId, teamId, userId));
}
