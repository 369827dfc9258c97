import { rejectCrossOrigin } from "@/lib/http/originPolicy";
import { getSessionUser } from "@/lib/auth/sessionUser";
import { moveMapToTeam } from "@/lib/auth/mapLifecycle";
import { serviceResponse } from "@/lib/auth/serviceResult";
import { readJsonBody } from "@/lib/http/readJsonBody";

export const dynamic = "force-dynamic";

type Ctx = { params: Promise<{ mapId: string }> };

/** PUT {teamId|null} — the owner moves the map into a team they own or edit in, or out of it. */
export async function PUT(request: Request, { params }: Ctx) {
  const crossOrigin = rejectCrossOrigin(request);
  if (crossOrigin) return crossOrigin;
  const { mapId } = await params;
  const user = await getSessionUser();
  const body = await readJsonBody(request);
  if (!body.ok) return Response.json({ error: body.error }, { status: 400 });
  return serviceResponse(await moveMapToTeam(user?.id ?? null, mapId, body.value));
}
