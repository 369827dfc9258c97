import { mutationRequest } from "@/lib/http/mutationRequest";
import { getSessionUser } from "@/lib/auth/sessionUser";
import { createTeamFor, teamsOf } from "@/lib/auth/teamManagement";
import { serviceResponse } from "@/lib/auth/serviceResult";

export const dynamic = "force-dynamic";

export async function GET() {
  const user = await getSessionUser();
  return serviceResponse(await teamsOf(user?.id ?? null));
}

/** POST {name} — a new team with the caller as owner. */
export async function POST(request: Request) {
  const req = await mutationRequest(request);
  if (req instanceof Response) return req;
  return serviceResponse(await createTeamFor(req.actorId, req.body), 201);
}
