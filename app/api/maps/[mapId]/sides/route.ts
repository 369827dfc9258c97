import { mapAccessOrResponse } from "@/lib/http/mapAccessOrResponse";
import { loadMapSides } from "@/lib/interchange/mapFlow";

export const dynamic = "force-dynamic";

type Ctx = { params: Promise<{ mapId: string }> };

/**
 * GET /api/maps/<mapId>/sides — {aff, neg}: the position each side defends as stored (ids and
 * text). Swapping is a collaborative doc edit (meta.affirmativePositionId); this lets a page
 * see when the server has it.
 */
export async function GET(_request: Request, { params }: Ctx) {
  const { mapId } = await params;
  const access = await mapAccessOrResponse(mapId, "read");
  if (access instanceof Response) return access;
  return Response.json(await loadMapSides(mapId), { headers: { "cache-control": "private, no-store" } });
}
