import { mutationRequest } from "@/lib/http/mutationRequest";
import { removeMapMemberBy } from "@/lib/auth/mapLifecycle";
import { serviceResponse } from "@/lib/auth/serviceResult";

export const dynamic = "force-dynamic";

type Ctx = { params: Promise<{ mapId: string; userId: string }> };

/** DELETE — an owner removes a direct share; the member's sockets re-authorize at once. */
export async function DELETE(request: Request, { params }: Ctx) {
  const req = await mutationRequest(request, params, { body: false });
  if (req instanceof Response) return req;
  const { mapId, userId } = req.params;
  return serviceResponse(await removeMapMemberBy(req.actorId, mapId, userId));
}
