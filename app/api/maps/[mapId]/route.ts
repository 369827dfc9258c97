import { withMap } from "@/lib/http/withMap";
import { deleteMapBy } from "@/lib/auth/mapLifecycle";
import { serviceResponse } from "@/lib/auth/serviceResult";

export const dynamic = "force-dynamic";

/** DELETE — owners only; open sockets of the map close with 4410 on every instance. */
export const DELETE = withMap("map.delete", {}, async ({ user, params: { mapId } }) => serviceResponse(await deleteMapBy(user.id, mapId)));
