import { rejectCrossOrigin } from "@/lib/http/originPolicy";
import { getSessionUser } from "@/lib/auth/sessionUser";
import { readJsonBody } from "@/lib/http/readJsonBody";
import { rateClaim, ratingsOf } from "@/lib/ratings/mapRatings";

export const dynamic = "force-dynamic";

type Ctx = { params: Promise<{ mapId: string }> };

/** GET /api/maps/<mapId>/ratings — per rated claim: {claimId, mean, count, mine}. */
export async function GET(_request: Request, { params }: Ctx) {
  const { mapId } = await params;
  const user = await getSessionUser();
  const result = await ratingsOf(user?.id ?? null, mapId);
  if (!result.ok) return Response.json({ error: result.error }, { status: result.status });
  return Response.json({ ratings: result.ratings }, { headers: { "cache-control": "private, no-store" } });
}

/** PUT {claimId, value: 0–4 | null} — sets or clears my rating of a claim (commenters and up). */
export async function PUT(request: Request, { params }: Ctx) {
  const crossOrigin = rejectCrossOrigin(request);
  if (crossOrigin) return crossOrigin;
  const { mapId } = await params;
  const user = await getSessionUser();
  const body = await readJsonBody(request);
  if (!body.ok) return Response.json({ error: body.error }, { status: 400 });
  const result = await rateClaim(user?.id ?? null, mapId, body.value);
  if (!result.ok) return Response.json({ error: result.error }, { status: result.status });
  return Response.json({ ratings: result.ratings });
}
