import { rejectCrossOrigin } from "@/lib/http/originPolicy";
import { getSessionUser } from "@/lib/auth/sessionUser";
import { deleteMapBy } from "@/lib/auth/mapLifecycle";
import { serviceResponse } from "@/lib/auth/serviceResult";

export const dynamic = "force-dynamic";

type Ctx = { params: Promise<{ mapId: string }> };

/** DELETE — owners only; open sockets of the map close with 4410 on every instance. */
export async function DELETE(request: Request, { params }: Ctx) {
  const crossOrigin = rejectCrossOrigin(request);
  if (crossOrigin) return crossOrigin;
  const { mapId } = await params;
  const user = await getSessionUser();
  return serviceResponse(await deleteMapBy(user?.id ?? null, mapId));
}
