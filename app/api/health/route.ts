import { checkDatabase } from "@/lib/db/health";
import { collabBusStatus } from "@/lib/collab/busStatus";

export const dynamic = "force-dynamic";

/**
 * Healthy: 200 `{status: "ok", db: "pglite"|"postgresql", redis: "ok"|"off"}`. Redis down:
 * 200 with `status: "degraded"` (this instance still serves its own sockets). Database
 * unreachable: 503 `{status: "degraded", db: "down"}` (edits are held in memory and retried).
 */
export async function GET() {
  const redis = collabBusStatus();
  const db = await checkDatabase();
  if (!db.ok) {
    return Response.json({ status: "degraded", db: "down", redis, error: "The database does not answer." }, { status: 503 });
  }
  return Response.json({ status: redis === "down" ? "degraded" : "ok", db: db.kind, redis });
}
