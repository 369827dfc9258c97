import { bodyRefusal } from "@/lib/http/readBodyBytes";
import { mapAccessOrResponse } from "@/lib/http/mapAccessOrResponse";
import { rejectCrossOrigin } from "@/lib/http/originPolicy";
import { createSourceForMap } from "@/lib/db/sources";
import { readSourceUpload } from "@/lib/sources/sourceUpload";

export const dynamic = "force-dynamic";

type Ctx = { params: Promise<{ mapId: string }> };

/** Adds a source (pasted text or an uploaded .txt/.md/.html/.pdf) to a map. Editors and owners only. */
export async function POST(request: Request, { params }: Ctx) {
  const crossOrigin = rejectCrossOrigin(request);
  if (crossOrigin) return crossOrigin;
  const { mapId } = await params;
  const access = await mapAccessOrResponse(mapId, "edit", "Only editors and owners can add sources to this map.");
  if (access instanceof Response) return access;
  const upload = await readSourceUpload(request);
  if (!upload.ok) return bodyRefusal(upload);
  const source = await createSourceForMap(mapId, access.user.id, upload.meta, upload.text);
  return Response.json({ id: source.id, title: source.title, version: source.version, textLength: upload.text.length }, { status: 201 });
}
