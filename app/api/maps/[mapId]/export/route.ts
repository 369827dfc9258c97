import { z } from "zod";
import { recordAudit } from "@/lib/db/auditLog";
import { withMap } from "@/lib/http/withMap";
import { contentDisposition } from "@/lib/interchange/mapBrief";
import { EXPORT_FORMATS, exportMap } from "@/lib/interchange/mapExport";

export const dynamic = "force-dynamic";

const ExportQuery = z.object({ format: z.enum(EXPORT_FORMATS, { error: `format must be one of ${EXPORT_FORMATS.join(", ")}` }) });

/** GET /api/maps/<mapId>/export?format=argdown|kialo|aif|annotations|claimboard — the live map as a file. Viewers and up. */
export const GET = withMap("map.export", { query: ExportQuery }, async ({ request, user, params: { mapId }, query }) => {
  const url = new URL(request.url);
  // The host the client asked for (as the origin check reads it): request.url names the bind address.
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host");
  const origin = host ? `${request.headers.get("x-forwarded-proto") ?? url.protocol.replace(":", "")}://${host}` : url.origin;
  const file = await exportMap(mapId, query.format, origin);
  await recordAudit({ mapId, actorId: user.id, action: "map.exported", detail: { format: query.format } });
  return new Response(file.body, {
    headers: { "cache-control": "private, no-store", "content-type": file.contentType, "content-disposition": contentDisposition("attachment", file.fileName) },
  });
});
