import { withMap } from "@/lib/http/withMap";
import { createInviteLink, createInviteSchema, inviteLinksOf } from "@/lib/auth/inviteLinks";
import { serviceResponse } from "@/lib/auth/serviceResult";

export const dynamic = "force-dynamic";

export const GET = withMap("map.invite", {}, async ({ params: { mapId } }) => serviceResponse(await inviteLinksOf({ mapId })));

/** POST {role, expiresInHours?, maxUses?} — the token is in this response only. */
export const POST = withMap("map.invite", { body: createInviteSchema }, async ({ user, params: { mapId }, body }) =>
  serviceResponse(await createInviteLink(user.id, { mapId }, body), 201),
);
