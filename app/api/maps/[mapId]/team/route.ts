import { withMap } from "@/lib/http/withMap";
import { moveMapSchema, moveMapToTeam } from "@/lib/auth/mapLifecycle";
import { serviceResponse } from "@/lib/auth/serviceResult";

export const dynamic = "force-dynamic";

/** PUT {teamId|null} — the owner moves the map into a team they own or edit in, or out of it. */
export const PUT = withMap("map.move", { body: moveMapSchema }, async ({ user, params: { mapId }, body }) =>
  serviceResponse(await moveMapToTeam(user.id, mapId, body)),
);
