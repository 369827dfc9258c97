import { withTeam } from "@/lib/http/withTeam";
import { teamOverview } from "@/lib/auth/teamManagement";
import { serviceResponse } from "@/lib/auth/serviceResult";

export const dynamic = "force-dynamic";

/** GET — the team, its members with roles and its maps (members only). */
export const GET = withTeam("team.read", {}, async ({ user, access, params: { teamId } }) => serviceResponse(await teamOverview(user.id, access.role, teamId)));
