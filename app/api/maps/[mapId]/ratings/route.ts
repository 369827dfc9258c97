import { withMap } from "@/lib/http/withMap";
import { refusal } from "@/lib/http/refusal";
import { rateClaim, ratingRequestSchema, ratingsOf } from "@/lib/ratings/mapRatings";

export const dynamic = "force-dynamic";

/** GET /api/maps/<mapId>/ratings — per rated claim: {claimId, mean, count, mine}. */
export const GET = withMap("map.read", {}, async ({ user, params: { mapId } }) => {
  const result = await ratingsOf(user.id, mapId);
  if (!result.ok) return refusal(result);
  return Response.json({ ratings: result.ratings }, { headers: { "cache-control": "private, no-store" } });
});

/** PUT {claimId, value: 0–4 | null} — sets or clears my rating of a claim (commenters and up). */
export const PUT = withMap("map.rate", { body: ratingRequestSchema }, async ({ user, params: { mapId }, body }) => {
  const result = await rateClaim(user.id, mapId, body);
  if (!result.ok) return refusal(result);
  return Response.json({ ratings: result.ratings });
});
