import { listAudit } from "@/lib/db/auditLog";
import { withTeam } from "@/lib/http/withTeam";

export const dynamic = "force-dynamic";

/** GET — the team's activity, newest first; team owners only. */
export const GET = withTeam("team.audit", {}, async ({ params }) => Response.json(await listAudit({ teamId: params.teamId })));
