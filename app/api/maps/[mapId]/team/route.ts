import { mutationRequest } from "@/lib/http/mutationRequest";
import { moveMapToTeam } from "@/lib/auth/mapLifecycle";
import { serviceResponse } from "@/lib/auth/serviceResult";

export const dynamic = "force-dynamic";

type Ctx = { params: Promise<{ mapId: string }> };

/** PUT {teamId|null} — the owner moves the map into a team they own or edit in, or out of it. */
export async function PUT(request: Request, { params }: Ctx) {
  const req = await mutationRequest(request, params);
  if (req instanceof Response) return req;
  const { mapId } = req.params;
  return serviceResponse(await moveMapToTeam(req.actorId, mapId, req.body));
}
