import { mutationRequest } from "@/lib/http/mutationRequest";
import { revokeInviteLink } from "@/lib/auth/inviteLinks";
import { serviceResponse } from "@/lib/auth/serviceResult";

export const dynamic = "force-dynamic";

type Ctx = { params: Promise<{ teamId: string; inviteId: string }> };

/** DELETE — revokes the link; later uses are refused. */
export async function DELETE(request: Request, { params }: Ctx) {
  const req = await mutationRequest(request, params, { body: false });
  if (req instanceof Response) return req;
  const { teamId, inviteId } = req.params;
  return serviceResponse(await revokeInviteLink(req.actorId, { teamId }, inviteId));
}
