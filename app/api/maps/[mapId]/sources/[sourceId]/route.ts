import { findMapSource } from "@/lib/db/sources";
import { z } from "zod";
import { withMap } from "@/lib/http/withMap";

export const dynamic = "force-dynamic";

const params = z.object({ mapId: z.string(), sourceId: z.string() });

/** The text of one version of a map's source (the newest unless ?version=n). */
export const GET = withMap("map.read", { params }, async ({ request, params: { mapId, sourceId } }) => {
  const raw = new URL(request.url).searchParams.get("version");
  const version = raw === null ? undefined : Number(raw);
  if (version !== undefined && (!Number.isInteger(version) || version < 1)) return Response.json({ error: "version must be a positive integer" }, { status: 400 });
  const found = await findMapSource(mapId, sourceId, version);
  if (!found || (version !== undefined && found.version !== version)) return Response.json({ error: "There is no such source version in this map." }, { status: 404 });
  return Response.json({ id: sourceId, title: found.source.title, version: found.version, text: found.text });
});
