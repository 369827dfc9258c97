import { rejectCrossOrigin } from "@/lib/http/originPolicy";
import { mapAccessOrResponse } from "@/lib/http/mapAccessOrResponse";
import { refusal } from "@/lib/http/refusal";
import { readInterchangeUpload } from "@/lib/interchange/interchangeUpload";
import { importAnnotationsInto } from "@/lib/interchange/annotationImportService";

export const dynamic = "force-dynamic";

type Ctx = { params: Promise<{ mapId: string }> };

/** POST multipart {file, sourceId, claimId?} — Web Annotations / a Hypothesis export as cards on a source. Editors and owners. */
export async function POST(request: Request, { params }: Ctx) {
  const crossOrigin = rejectCrossOrigin(request);
  if (crossOrigin) return crossOrigin;
  const { mapId } = await params;
  const access = await mapAccessOrResponse(mapId, "edit", "Only editors and owners can add annotations to this map.");
  if (access instanceof Response) return access;
  const upload = await readInterchangeUpload(request);
  if (!upload.ok) return refusal(upload);
  const result = await importAnnotationsInto(mapId, access.user.id, upload.text, upload.fields);
  if (!result.ok) return refusal(result);
  return Response.json(result.value, { status: 201 });
}
