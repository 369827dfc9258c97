import { mutationRequest } from "@/lib/http/mutationRequest";
import { transferTeam } from "@/lib/auth/teamManagement";
import { serviceResponse } from "@/lib/auth/serviceResult";

export const dynamic = "force-dynamic";

type Ctx = { params: Promise<{ teamId: string }> };

/** POST {userId} — the owner hands ownership to a member and becomes an editor. */
export async function POST(request: Request, { params }: Ctx) {
  const req = await mutationRequest(request, params);
  if (req instanceof Response) return req;
  const { teamId } = req.params;
  return serviceResponse(await transferTeam(req.actorId, teamId, req.body));
}
