import { z } from "zod";
import { recordAuditOncePerHour } from "@/lib/db/auditLog";
import { withMap } from "@/lib/http/withMap";
import { briefToDocx } from "@/lib/interchange/briefDocx";
import { briefToMarkdown } from "@/lib/interchange/briefMarkdown";
import { briefFileName, contentDisposition, loadMapBrief } from "@/lib/interchange/mapBrief";

export const dynamic = "force-dynamic";

const BriefQuery = z.object({
  side: z.enum(["aff", "neg"], { error: 'side must be "aff" or "neg"' }).default("aff"),
  format: z.enum(["md", "docx"], { error: 'format must be "md" or "docx"' }).default("md"),
});

/** GET /api/maps/<mapId>/brief?side=aff|neg&format=md|docx — the debate brief for one side. */
const briefErrors = (error: z.ZodError) => error.issues.map((i) => i.message).join("; ");

export const GET = withMap("map.brief", { query: BriefQuery, queryError: briefErrors }, async ({ user, params: { mapId }, query }) => {
  const { side, format } = query;
  const brief = await loadMapBrief(mapId, side);
  // One row per user, map and hour: the first download's side and format.
  await recordAuditOncePerHour({ mapId, actorId: user.id, action: "map.exported", detail: { side, format } });
  const headers = { "cache-control": "private, no-store" };
  // The size lets the brief page show download progress (bytes received of the total). Next
  // drops a route handler's own Content-Length (it re-frames the body), so it goes in
  // X-Content-Length.
  if (format === "md") {
    const text = new TextEncoder().encode(briefToMarkdown(brief));
    return new Response(text, {
      headers: { ...headers, "x-content-length": String(text.byteLength), "content-type": "text/markdown; charset=utf-8", "content-disposition": contentDisposition("inline", briefFileName(brief, "md")) },
    });
  }
  const bytes = await briefToDocx(brief);
  return new Response(new Uint8Array(bytes), {
    headers: {
      ...headers,
      "x-content-length": String(bytes.byteLength),
      "content-type": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
      "content-disposition": contentDisposition("attachment", briefFileName(brief, "docx")),
    },
  });
});
