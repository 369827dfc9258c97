import { rejectCrossOrigin } from "@/lib/http/originPolicy";
import { getSessionUser } from "@/lib/auth/sessionUser";
import { revokeInviteLink } from "@/lib/auth/inviteLinks";
import { serviceResponse } from "@/lib/auth/serviceResult";

export const dynamic = "force-dynamic";

type Ctx = { params: Promise<{ teamId: string; inviteId: string }> };

/** DELETE — revokes the link; later uses are refused. */
export async function DELETE(request: Request, { params }: Ctx) {
  const crossOrigin = rejectCrossOrigin(request);
  if (crossOrigin) return crossOrigin;
  const { teamId, inviteId } = await params;
  const user = await getSessionUser();
  return serviceResponse(await revokeInviteLink(user?.id ?? null, { teamId }, inviteId));
}
