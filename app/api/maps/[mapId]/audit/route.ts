import { getSessionUser } from "@/lib/auth/sessionUser";
import { mapAuditFor } from "@/lib/auth/auditAccess";
import { serviceResponse } from "@/lib/auth/serviceResult";

export const dynamic = "force-dynamic";

type Ctx = { params: Promise<{ mapId: string }> };

/** GET — the map's activity (roles, invites, removals, exports), newest first; owners only. */
export async function GET(_request: Request, { params }: Ctx) {
  const { mapId } = await params;
  const user = await getSessionUser();
  return serviceResponse(await mapAuditFor(user?.id ?? null, mapId));
}
