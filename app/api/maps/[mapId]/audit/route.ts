import { listAudit } from "@/lib/db/auditLog";
import { withMap } from "@/lib/http/withMap";

export const dynamic = "force-dynamic";

/** GET — the map's activity (roles, invites, removals, exports), newest first; owners only. */
export const GET = withMap("map.audit", {}, async ({ params }) => Response.json(await listAudit({ mapId: params.mapId })));
