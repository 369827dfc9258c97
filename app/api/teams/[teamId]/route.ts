import { getSessionUser } from "@/lib/auth/sessionUser";
import { teamOverview } from "@/lib/auth/teamManagement";
import { serviceResponse } from "@/lib/auth/serviceResult";

export const dynamic = "force-dynamic";

type Ctx = { params: Promise<{ teamId: string }> };

/** GET — the team, its members with roles and its maps (members only). */
export async function GET(_request: Request, { params }: Ctx) {
  const { teamId } = await params;
  const user = await getSessionUser();
  return serviceResponse(await teamOverview(user?.id ?? null, teamId));
}
