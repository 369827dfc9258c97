import { rejectCrossOrigin } from "@/lib/http/originPolicy";
import { getSessionUser } from "@/lib/auth/sessionUser";
import { createInviteLink, inviteLinksOf } from "@/lib/auth/inviteLinks";
import { serviceResponse } from "@/lib/auth/serviceResult";
import { readJsonBody } from "@/lib/http/readJsonBody";

export const dynamic = "force-dynamic";

type Ctx = { params: Promise<{ mapId: string }> };

export async function GET(_request: Request, { params }: Ctx) {
  const { mapId } = await params;
  const user = await getSessionUser();
  return serviceResponse(await inviteLinksOf(user?.id ?? null, { mapId }));
}

/** POST {role, expiresInHours?, maxUses?} — the token is in this response only. */
export async function POST(request: Request, { params }: Ctx) {
  const crossOrigin = rejectCrossOrigin(request);
  if (crossOrigin) return crossOrigin;
  const { mapId } = await params;
  const user = await getSessionUser();
  const body = await readJsonBody(request);
  if (!body.ok) return Response.json({ error: body.error }, { status: 400 });
  return serviceResponse(await createInviteLink(user?.id ?? null, { mapId }, body.value), 201);
}
