import { z } from "zod";
import { withTeam } from "@/lib/http/withTeam";
import { revokeInviteLink } from "@/lib/auth/inviteLinks";
import { serviceResponse } from "@/lib/auth/serviceResult";

export const dynamic = "force-dynamic";

const params = z.object({ teamId: z.string(), inviteId: z.string() });

/** DELETE — revokes the link; later uses are refused. */
export const DELETE = withTeam("team.invite", { params }, async ({ user, params: { teamId, inviteId } }) =>
  serviceResponse(await revokeInviteLink(user.id, { teamId }, inviteId)),
);
