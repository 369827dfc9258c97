import { bodyRefusal } from "@/lib/http/readBodyBytes";
import { withMap } from "@/lib/http/withMap";
import { createSourceForMap } from "@/lib/db/sources";
import { readSourceUpload } from "@/lib/sources/sourceUpload";

export const dynamic = "force-dynamic";

/** Adds a source (pasted text or an uploaded .txt/.md/.html/.pdf) to a map. Editors and owners only. */
export const POST = withMap("map.addSource", { forbidden: "Only editors and owners can add sources to this map." }, async ({ request, user, params: { mapId } }) => {
  const upload = await readSourceUpload(request);
  if (!upload.ok) return bodyRefusal(upload);
  const source = await createSourceForMap(mapId, user.id, upload.meta, upload.text);
  return Response.json({ id: source.id, title: source.title, version: source.version, textLength: upload.text.length }, { status: 201 });
});
