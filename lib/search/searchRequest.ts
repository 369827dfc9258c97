import { z } from "zod";
import { authorizeMap } from "../auth/mapPermissions";
import { firstIssueMessage } from "../auth/credentialsSchema";
import { searchReadableMaps, type SearchHit } from "../db/search";

export const MAX_SEARCH_QUERY = 200;

/** GET /api/search's query string: q (1–200 characters after trimming), optional mapId. */
export const searchRequestSchema = z.object({
  q: z
    .string({ message: "q is required." })
    .trim()
    .min(1, "Type something to search for (q is empty).")
    .max(MAX_SEARCH_QUERY, `A search is at most ${MAX_SEARCH_QUERY} characters.`),
  mapId: z.string().min(1, "mapId is empty.").max(200, "mapId is too long.").optional(),
});

export type SearchResult = { ok: true; results: SearchHit[] } | { ok: false; status: 400 | 401 | 403 | 404; error: string };

/**
 * Search for the signed-in user. Which maps are searched is decided inside the SQL (the maps
 * they read); a mapId narrows to one map, after the one policy says they may read it.
 */
export async function searchFor(actorId: string | null, raw: { q?: string | null; mapId?: string | null }): Promise<SearchResult> {
  if (!actorId) return { ok: false, status: 401, error: "Sign in to search." };
  const parsed = searchRequestSchema.safeParse({ q: raw.q ?? undefined, mapId: raw.mapId ?? undefined });
  if (!parsed.success) return { ok: false, status: 400, error: firstIssueMessage(parsed.error) };
  const { q, mapId } = parsed.data;
  if (mapId) {
    const access = await authorizeMap(actorId, mapId, "map.read");
    if (!access.ok) return { ok: false, status: access.status, error: access.reason };
  }
  return { ok: true, results: await searchReadableMaps(actorId, q, { mapId }) };
}
