import { withMap } from "@/lib/http/withMap";
import { refusal } from "@/lib/http/refusal";
import { membersOf, shareMap, shareRequestSchema } from "@/lib/auth/mapSharing";

export const dynamic = "force-dynamic";

export const GET = withMap("map.read", {}, async ({ user, access, params: { mapId } }) => {
  const result = await membersOf(user.id, access.role, mapId);
  if (!result.ok) return refusal(result);
  return Response.json(result.members);
});

export const POST = withMap("map.share", { body: shareRequestSchema }, async ({ user, params: { mapId }, body }) => {
  const result = await shareMap(user.id, mapId, body);
  if (!result.ok) return refusal(result);
  return Response.json(result.members, { status: 200 });
});
