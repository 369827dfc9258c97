import { withMap } from "@/lib/http/withMap";
import { refusal } from "@/lib/http/refusal";
import { readInterchangeUpload } from "@/lib/interchange/interchangeUpload";
import { importAnnotationsInto } from "@/lib/interchange/annotationImportService";

export const dynamic = "force-dynamic";

/** POST multipart {file, sourceId, claimId?} — Web Annotations / a Hypothesis export as cards on a source. Editors and owners. */
export const POST = withMap("map.importAnnotations", { forbidden: "Only editors and owners can add annotations to this map." }, async ({ request, user, params }) => {
  const upload = await readInterchangeUpload(request);
  if (!upload.ok) return refusal(upload);
  const result = await importAnnotationsInto(params.mapId, user.id, upload.text, upload.fields);
  if (!result.ok) return refusal(result);
  return Response.json(result.value, { status: 201 });
});
