import { z } from "zod";
import { withMap } from "@/lib/http/withMap";
import { revokeInviteLink } from "@/lib/auth/inviteLinks";
import { serviceResponse } from "@/lib/auth/serviceResult";

export const dynamic = "force-dynamic";

const params = z.object({ mapId: z.string(), inviteId: z.string() });

/** DELETE — revokes the link; later uses are refused. */
export const DELETE = withMap("map.invite", { params }, async ({ user, params: { mapId, inviteId } }) =>
  serviceResponse(await revokeInviteLink(user.id, { mapId }, inviteId)),
);
