import { z } from "zod";
import { withMap } from "@/lib/http/withMap";
import { refusal } from "@/lib/http/refusal";
import { setThreadState, threadOf } from "@/lib/comments/commentActions";

export const dynamic = "force-dynamic";

const params = z.object({ mapId: z.string(), threadId: z.string() });

export const GET = withMap("map.read", { params }, async ({ params: { mapId, threadId } }) => {
  const result = await threadOf(mapId, threadId);
  if (!result.ok) return refusal(result);
  return Response.json({ thread: result.thread }, { headers: { "cache-control": "private, no-store" } });
});

/** PATCH {resolved: boolean} — resolves or reopens the thread (commenters and up). The lib call validates the body after its lookup (a missing thread or comment is 404 whatever the body). */
export const PATCH = withMap("map.comment", { params, body: z.unknown() }, async ({ user, params: { mapId, threadId }, body }) => {
  const result = await setThreadState(user.id, mapId, threadId, body);
  if (!result.ok) return refusal(result);
  return Response.json({ thread: result.thread });
});
