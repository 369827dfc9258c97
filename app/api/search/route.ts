import { refusal } from "@/lib/http/refusal";
import { getSessionUser } from "@/lib/auth/sessionUser";
import { searchFor } from "@/lib/search/searchRequest";

export const dynamic = "force-dynamic";

/** GET /api/search?q=<text>[&mapId=<id>] — hits in the maps I read, best first (docs/search.md). */
export async function GET(request: Request) {
  const params = new URL(request.url).searchParams;
  const user = await getSessionUser();
  const result = await searchFor(user?.id ?? null, { q: params.get("q"), mapId: params.get("mapId") });
  if (!result.ok) return refusal(result);
  return Response.json({ results: result.results }, { headers: { "cache-control": "private, no-store" } });
}
