import { rejectCrossOrigin } from "@/lib/http/originPolicy";
import { getSessionUser } from "@/lib/auth/sessionUser";
import { changeTeamMemberRole, removeFromTeam } from "@/lib/auth/teamManagement";
import { serviceResponse } from "@/lib/auth/serviceResult";
import { readJsonBody } from "@/lib/http/readJsonBody";

export const dynamic = "force-dynamic";

type Ctx = { params: Promise<{ teamId: string; userId: string }> };

/** PATCH {role} — an owner changes a member's role; their sockets on team maps re-authorize. */
export async function PATCH(request: Request, { params }: Ctx) {
  const crossOrigin = rejectCrossOrigin(request);
  if (crossOrigin) return crossOrigin;
  const { teamId, userId } = await params;
  const user = await getSessionUser();
  const body = await readJsonBody(request);
  if (!body.ok) return Response.json({ error: body.error }, { status: 400 });
  return serviceResponse(await changeTeamMemberRole(user?.id ?? null, teamId, userId, body.value));
}

/** DELETE — an owner removes a member, or a member (their own id) leaves. */
export async function DELETE(request: Request, { params }: Ctx) {
  const crossOrigin = rejectCrossOrigin(request);
  if (crossOrigin) return crossOrigin;
  const { teamId, userId } = await params;
  const user = await getSessionUser();
  return serviceResponse(await removeFromTeam(user?.id ?? null, teamId, userId));
}
