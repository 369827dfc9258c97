import { bodyRefusal } from "@/lib/http/readBodyBytes";
import { z } from "zod";
import { withMap } from "@/lib/http/withMap";
import { addSourceVersion, findMapSource } from "@/lib/db/sources";
import { readSourceUpload } from "@/lib/sources/sourceUpload";

export const dynamic = "force-dynamic";

const SHARED_SOURCE =
  "This source is shared with other maps (it was linked before each map had its own sources), so it cannot take a new version; add the new text as a new source instead.";

const params = z.object({ mapId: z.string(), sourceId: z.string() });

/** Imports a new version (n+1, immutable) of a map's source. The client re-anchors citations in the live doc. */
export const POST = withMap("map.addSourceVersion", { params, forbidden: "Only editors and owners can import a new version." }, async ({ request, params: { mapId, sourceId } }) => {
  const current = await findMapSource(mapId, sourceId);
  if (!current) return Response.json({ error: "There is no such source in this map." }, { status: 404 });
  if (current.source.mapId !== mapId) return Response.json({ error: SHARED_SOURCE }, { status: 409 });
  const upload = await readSourceUpload(request, false);
  if (!upload.ok) return bodyRefusal(upload);
  if (upload.text === current.text) return Response.json({ error: "The new version is identical to the current one." }, { status: 400 });
  const created = await addSourceVersion(mapId, sourceId, upload.text);
  if (!created.ok) return Response.json({ error: SHARED_SOURCE }, { status: 409 });
  return Response.json({ id: sourceId, version: created.version, previous: created.previous, textLength: upload.text.length }, { status: 201 });
});
