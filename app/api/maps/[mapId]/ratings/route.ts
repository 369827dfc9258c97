import { mutationRequest } from "@/lib/http/mutationRequest";
import { refusal } from "@/lib/http/refusal";
import { getSessionUser } from "@/lib/auth/sessionUser";
import { rateClaim, ratingsOf } from "@/lib/ratings/mapRatings";

export const dynamic = "force-dynamic";

type Ctx = { params: Promise<{ mapId: string }> };

/** GET /api/maps/<mapId>/ratings — per rated claim: {claimId, mean, count, mine}. */
export async function GET(_request: Request, { params }: Ctx) {
  const { mapId } = await params;
  const user = await getSessionUser();
  const result = await ratingsOf(user?.id ?? null, mapId);
  if (!result.ok) return refusal(result);
  return Response.json({ ratings: result.ratings }, { headers: { "cache-control": "private, no-store" } });
}

/** PUT {claimId, value: 0–4 | null} — sets or clears my rating of a claim (commenters and up). */
export async function PUT(request: Request, { params }: Ctx) {
  const req = await mutationRequest(request, params);
  if (req instanceof Response) return req;
  const { mapId } = req.params;
  const result = await rateClaim(req.actorId, mapId, req.body);
  if (!result.ok) return refusal(result);
  return Response.json({ ratings: result.ratings });
}
