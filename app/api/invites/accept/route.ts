import { rejectCrossOrigin } from "@/lib/http/originPolicy";
import { getSessionUser } from "@/lib/auth/sessionUser";
import { acceptInviteLink } from "@/lib/auth/inviteLinks";
import { serviceResponse } from "@/lib/auth/serviceResult";
import { readJsonBody } from "@/lib/http/readJsonBody";

export const dynamic = "force-dynamic";

/** POST {token} — the signed-in user joins the link's map or team (410 when expired, revoked or used up). */
export async function POST(request: Request) {
  const crossOrigin = rejectCrossOrigin(request);
  if (crossOrigin) return crossOrigin;
  const user = await getSessionUser();
  const body = await readJsonBody(request);
  if (!body.ok) return Response.json({ error: body.error }, { status: 400 });
  return serviceResponse(await acceptInviteLink(user?.id ?? null, body.value));
}
