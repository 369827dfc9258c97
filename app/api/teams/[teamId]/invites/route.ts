import { mutationRequest } from "@/lib/http/mutationRequest";
import { getSessionUser } from "@/lib/auth/sessionUser";
import { createInviteLink, inviteLinksOf } from "@/lib/auth/inviteLinks";
import { serviceResponse } from "@/lib/auth/serviceResult";

export const dynamic = "force-dynamic";

type Ctx = { params: Promise<{ teamId: string }> };

export async function GET(_request: Request, { params }: Ctx) {
  const { teamId } = await params;
  const user = await getSessionUser();
  return serviceResponse(await inviteLinksOf(user?.id ?? null, { teamId }));
}

/** POST {role, expiresInHours?, maxUses?} — the token is in this response only. */
export async function POST(request: Request, { params }: Ctx) {
  const req = await mutationRequest(request, params);
  if (req instanceof Response) return req;
  const { teamId } = req.params;
  return serviceResponse(await createInviteLink(req.actorId, { teamId }, req.body), 201);
}
