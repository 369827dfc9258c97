import { bodyRefusal } from "@/lib/http/readBodyBytes";
import { withMap } from "@/lib/http/withMap";
import { readUploadedFileMetadata } from "@/lib/sources/sourceUpload";

export const dynamic = "force-dynamic";

/** The cite metadata a file carries, to pre-fill the add-source form; stores nothing. Editors and owners only. */
export const POST = withMap("map.addSource", { forbidden: "Only editors and owners can add sources to this map." }, async ({ request }) => {
  const preview = await readUploadedFileMetadata(request);
  if (!preview.ok) return bodyRefusal(preview);
  return Response.json({ metadata: preview.metadata, textLength: preview.textLength });
});
