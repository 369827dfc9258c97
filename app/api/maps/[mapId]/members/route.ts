import { mutationRequest } from "@/lib/http/mutationRequest";
import { refusal } from "@/lib/http/refusal";
import { membersOf, shareMap } from "@/lib/auth/mapSharing";
import { getSessionUser } from "@/lib/auth/sessionUser";

export const dynamic = "force-dynamic";

type Ctx = { params: Promise<{ mapId: string }> };

export async function GET(_request: Request, { params }: Ctx) {
  const { mapId } = await params;
  const user = await getSessionUser();
  const result = await membersOf(user?.id ?? null, mapId);
  if (!result.ok) return refusal(result);
  return Response.json(result.members);
}

export async function POST(request: Request, { params }: Ctx) {
  const req = await mutationRequest(request, params);
  if (req instanceof Response) return req;
  const { mapId } = req.params;
  const result = await shareMap(req.actorId, mapId, req.body);
  if (!result.ok) return refusal(result);
  return Response.json(result.members, { status: 200 });
}
