import { withMap } from "@/lib/http/withMap";
import { loadMapSides } from "@/lib/interchange/mapFlow";

export const dynamic = "force-dynamic";

/**
 * GET /api/maps/<mapId>/sides — {aff, neg}: the position each side defends as stored (ids and
 * text). Swapping is a collaborative doc edit (meta.affirmativePositionId); this lets a page
 * see when the server has it.
 */
export const GET = withMap("map.read", {}, async ({ params: { mapId } }) =>
  Response.json(await loadMapSides(mapId), { headers: { "cache-control": "private, no-store" } }),
);
