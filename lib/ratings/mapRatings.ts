import { z } from "zod";
import { publishMapEvent } from "../collab/mapEvents";
import { readClaim } from "../argument/claimSchema";
import { loadMapDoc } from "../db/mapState";
import { projectedClaimKind, summarizeRatings, writeRating, type ClaimRatingSummary } from "../db/ratings";

/**
 * Members rate each claim's impact on its parent, 0–4 (Kialo-style: 0 no impact … 4 very
 * high). Ratings are keyed by claim id, so they survive moves, stance flips and text edits;
 * the strength formula (lib/argument/claimStrength.ts) takes their mean. Readers see them
 * (map.read), commenters and up rate (map.rate): withMap checks before these run.
 */
export const ratingRequestSchema = z.object({
  claimId: z.string({ message: "claimId is required." }).min(1, "claimId is required.").max(200, "claimId is too long."),
  value: z.union([z.number().int("A rating is a whole number from 0 to 4.").min(0, "A rating is a whole number from 0 to 4.").max(4, "A rating is a whole number from 0 to 4."), z.null()], {
    message: "value must be a whole number from 0 to 4, or null to clear your rating.",
  }),
});

export type RatingsResult =
  | { ok: true; ratings: ClaimRatingSummary[] }
  | { ok: false; status: 400 | 401 | 403 | 404; error: string };

export async function ratingsOf(actorId: string, mapId: string): Promise<RatingsResult> {
  return { ok: true, ratings: await summarizeRatings(mapId, actorId) };
}

/** The claim's kind: from the projection, or (it lags a new claim briefly) from the stored doc. */
async function claimKind(mapId: string, claimId: string): Promise<string | null> {
  const projected = await projectedClaimKind(mapId, claimId);
  if (projected) return projected;
  const doc = await loadMapDoc(mapId);
  try {
    return readClaim(doc, claimId)?.kind ?? null;
  } finally {
    doc.destroy();
  }
}

export async function rateClaim(actorId: string, mapId: string, request: z.infer<typeof ratingRequestSchema>): Promise<RatingsResult> {
  const { claimId, value } = request;
  const kind = await claimKind(mapId, claimId);
  if (kind === null) return { ok: false, status: 400, error: "There is no claim with that id in this map." };
  if (kind === "question") return { ok: false, status: 400, error: "The question is not rated; rate its positions and claims." };
  await writeRating(mapId, claimId, actorId, value);
  publishMapEvent(mapId, { type: "ratings-changed", claimId });
  return { ok: true, ratings: await summarizeRatings(mapId, actorId) };
}
