import { findMapSource } from "@/lib/db/sources";
import { mapAccessOrResponse } from "@/lib/http/mapAccessOrResponse";

export const dynamic = "force-dynamic";

type Ctx = { params: Promise<{ mapId: string; sourceId: string }> };

/** The text of one version of a map's source (the newest unless ?version=n). */
export async function GET(request: Request, { params }: Ctx) {
  const { mapId, sourceId } = await params;
  const access = await mapAccessOrResponse(mapId, "read");
  if (access instanceof Response) return access;
  const raw = new URL(request.url).searchParams.get("version");
  const version = raw === null ? undefined : Number(raw);
  if (version !== undefined && (!Number.isInteger(version) || version < 1)) return Response.json({ error: "version must be a positive integer" }, { status: 400 });
  const found = await findMapSource(mapId, sourceId, version);
  if (!found || (version !== undefined && found.version !== version)) return Response.json({ error: "There is no such source version in this map." }, { status: 404 });
  return Response.json({ id: sourceId, title: found.source.title, version: found.version, text: found.text });
}
