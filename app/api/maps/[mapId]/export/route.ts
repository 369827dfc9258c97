import { z } from "zod";
import { recordAudit } from "@/lib/db/auditLog";
import { mapAccessOrResponse } from "@/lib/http/mapAccessOrResponse";
import { contentDisposition } from "@/lib/interchange/mapBrief";
import { EXPORT_FORMATS, exportMap } from "@/lib/interchange/mapExport";

export const dynamic = "force-dynamic";

type Ctx = { params: Promise<{ mapId: string }> };

const ExportQuery = z.object({ format: z.enum(EXPORT_FORMATS, { error: `format must be one of ${EXPORT_FORMATS.join(", ")}` }) });

/** GET /api/maps/<mapId>/export?format=argdown|kialo|aif|annotations|claimboard — the live map as a file. Viewers and up. */
export async function GET(request: Request, { params }: Ctx) {
  const { mapId } = await params;
  const url = new URL(request.url);
  const query = ExportQuery.safeParse({ format: url.searchParams.get("format") ?? undefined });
  if (!query.success) return Response.json({ error: query.error.issues[0].message }, { status: 400 });
  const access = await mapAccessOrResponse(mapId, "read");
  if (access instanceof Response) return access;
  // The host the client asked for (as the origin check reads it): request.url names the bind address.
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host");
  const origin = host ? `${request.headers.get("x-forwarded-proto") ?? url.protocol.replace(":", "")}://${host}` : url.origin;
  const file = await exportMap(mapId, query.data.format, origin);
  await recordAudit({ mapId, actorId: access.user.id, action: "map.exported", detail: { format: query.data.format } });
  return new Response(file.body, {
    headers: { "cache-control": "private, no-store", "content-type": file.contentType, "content-disposition": contentDisposition("attachment", file.fileName) },
  });
}
