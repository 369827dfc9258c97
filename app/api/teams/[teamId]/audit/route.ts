import { getSessionUser } from "@/lib/auth/sessionUser";
import { teamAuditFor } from "@/lib/auth/auditAccess";
import { serviceResponse } from "@/lib/auth/serviceResult";

export const dynamic = "force-dynamic";

type Ctx = { params: Promise<{ teamId: string }> };

/** GET — the team's activity, newest first; team owners only. */
export async function GET(_request: Request, { params }: Ctx) {
  const { teamId } = await params;
  const user = await getSessionUser();
  return serviceResponse(await teamAuditFor(user?.id ?? null, teamId));
}
