import { withTeam } from "@/lib/http/withTeam";
import { addTeamMemberByEmail, teamInviteByEmailSchema } from "@/lib/auth/teamManagement";
import { serviceResponse } from "@/lib/auth/serviceResult";

export const dynamic = "force-dynamic";

/** POST {email, role} — an owner adds an existing account to the team. */
export const POST = withTeam("team.manage", { body: teamInviteByEmailSchema }, async ({ user, params: { teamId }, body }) =>
  serviceResponse(await addTeamMemberByEmail(user.id, teamId, body)),
);
