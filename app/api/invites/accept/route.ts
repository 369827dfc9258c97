import { mutationRequest } from "@/lib/http/mutationRequest";
import { acceptInviteLink } from "@/lib/auth/inviteLinks";
import { serviceResponse } from "@/lib/auth/serviceResult";

export const dynamic = "force-dynamic";

/** POST {token} — the signed-in user joins the link's map or team (410 when expired, revoked or used up). */
export async function POST(request: Request) {
  const req = await mutationRequest(request);
  if (req instanceof Response) return req;
  return serviceResponse(await acceptInviteLink(req.actorId, req.body));
}
