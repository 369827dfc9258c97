import { mutationRequest } from "@/lib/http/mutationRequest";
import { addTeamMemberByEmail } from "@/lib/auth/teamManagement";
import { serviceResponse } from "@/lib/auth/serviceResult";

export const dynamic = "force-dynamic";

type Ctx = { params: Promise<{ teamId: string }> };

/** POST {email, role} — an owner adds an existing account to the team. */
export async function POST(request: Request, { params }: Ctx) {
  const req = await mutationRequest(request, params);
  if (req instanceof Response) return req;
  const { teamId } = req.params;
  return serviceResponse(await addTeamMemberByEmail(req.actorId, teamId, req.body));
}
