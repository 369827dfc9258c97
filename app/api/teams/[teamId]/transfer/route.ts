import { withTeam } from "@/lib/http/withTeam";
import { transferSchema, transferTeam } from "@/lib/auth/teamManagement";
import { serviceResponse } from "@/lib/auth/serviceResult";

export const dynamic = "force-dynamic";

/** POST {userId} — the owner hands ownership to a member and becomes an editor. */
export const POST = withTeam("team.transfer", { body: transferSchema }, async ({ user, params: { teamId }, body }) =>
  serviceResponse(await transferTeam(user.id, teamId, body)),
);
