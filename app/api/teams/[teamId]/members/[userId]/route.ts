import { z } from "zod";
import { withTeam } from "@/lib/http/withTeam";
import { changeTeamMemberRole, removeFromTeam, teamRoleChangeSchema } from "@/lib/auth/teamManagement";
import { serviceResponse } from "@/lib/auth/serviceResult";

export const dynamic = "force-dynamic";

const params = z.object({ teamId: z.string(), userId: z.string() });

/** PATCH {role} — an owner changes a member's role; their sockets on team maps re-authorize. */
export const PATCH = withTeam("team.manage", { params, body: teamRoleChangeSchema }, async ({ user, params: { teamId, userId }, body }) =>
  serviceResponse(await changeTeamMemberRole(user.id, teamId, userId, body)),
);

/** DELETE — an owner removes a member, or a member (their own id) leaves. */
export const DELETE = withTeam("team.removeMember", { params }, async ({ user, params: { teamId, userId } }) =>
  serviceResponse(await removeFromTeam(user.id, teamId, userId)),
);
