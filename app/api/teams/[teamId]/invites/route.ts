import { withTeam } from "@/lib/http/withTeam";
import { createInviteLink, createInviteSchema, inviteLinksOf } from "@/lib/auth/inviteLinks";
import { serviceResponse } from "@/lib/auth/serviceResult";

export const dynamic = "force-dynamic";

export const GET = withTeam("team.invite", {}, async ({ params: { teamId } }) => serviceResponse(await inviteLinksOf({ teamId })));

/** POST {role, expiresInHours?, maxUses?} — the token is in this response only. */
export const POST = withTeam("team.invite", { body: createInviteSchema }, async ({ user, params: { teamId }, body }) =>
  serviceResponse(await createInviteLink(user.id, { teamId }, body), 201),
);
