import { rejectCrossOrigin } from "@/lib/http/originPolicy";
import { getSessionUser } from "@/lib/auth/sessionUser";
import { removeMapMemberBy } from "@/lib/auth/mapLifecycle";
import { serviceResponse } from "@/lib/auth/serviceResult";

export const dynamic = "force-dynamic";

type Ctx = { params: Promise<{ mapId: string; userId: string }> };

/** DELETE — an owner removes a direct share; the member's sockets re-authorize at once. */
export async function DELETE(request: Request, { params }: Ctx) {
  const crossOrigin = rejectCrossOrigin(request);
  if (crossOrigin) return crossOrigin;
  const { mapId, userId } = await params;
  const user = await getSessionUser();
  return serviceResponse(await removeMapMemberBy(user?.id ?? null, mapId, userId));
}
