import { z } from "zod";
import { withMap } from "@/lib/http/withMap";
import { removeMapMemberBy } from "@/lib/auth/mapLifecycle";
import { serviceResponse } from "@/lib/auth/serviceResult";

export const dynamic = "force-dynamic";

const params = z.object({ mapId: z.string(), userId: z.string() });

/** DELETE — an owner removes a direct share; the member's sockets re-authorize at once. */
export const DELETE = withMap("map.share", { params }, async ({ user, params: { mapId, userId } }) =>
  serviceResponse(await removeMapMemberBy(user.id, mapId, userId)),
);
