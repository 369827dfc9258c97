import { rejectCrossOrigin } from "@/lib/http/originPolicy";
import { membersOf, shareMap } from "@/lib/auth/mapSharing";
import { getSessionUser } from "@/lib/auth/sessionUser";
import { readJsonBody } from "@/lib/http/readJsonBody";

export const dynamic = "force-dynamic";

type Ctx = { params: Promise<{ mapId: string }> };

export async function GET(_request: Request, { params }: Ctx) {
  const { mapId } = await params;
  const user = await getSessionUser();
  const result = await membersOf(user?.id ?? null, mapId);
  if (!result.ok) return Response.json({ error: result.error }, { status: result.status });
  return Response.json(result.members);
}

export async function POST(request: Request, { params }: Ctx) {
  const crossOrigin = rejectCrossOrigin(request);
  if (crossOrigin) return crossOrigin;
  const { mapId } = await params;
  const user = await getSessionUser();
  const body = await readJsonBody(request);
  if (!body.ok) return Response.json({ error: body.error }, { status: 400 });
  const result = await shareMap(user?.id ?? null, mapId, body.value);
  if (!result.ok) return Response.json({ error: result.error }, { status: result.status });
  return Response.json(result.members, { status: 200 });
}
