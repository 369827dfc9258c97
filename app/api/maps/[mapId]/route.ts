import { mutationRequest } from "@/lib/http/mutationRequest";
import { deleteMapBy } from "@/lib/auth/mapLifecycle";
import { serviceResponse } from "@/lib/auth/serviceResult";

export const dynamic = "force-dynamic";

type Ctx = { params: Promise<{ mapId: string }> };

/** DELETE — owners only; open sockets of the map close with 4410 on every instance. */
export async function DELETE(request: Request, { params }: Ctx) {
  const req = await mutationRequest(request, params, { body: false });
  if (req instanceof Response) return req;
  const { mapId } = req.params;
  return serviceResponse(await deleteMapBy(req.actorId, mapId));
}
