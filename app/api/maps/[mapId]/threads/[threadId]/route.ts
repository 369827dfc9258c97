import { z } from "zod";
import { withMap } from "@/lib/http/withMap";
import { refusal } from "@/lib/http/refusal";
import { threadStateSchema } from "@/lib/comments/commentRequests";
import { setThreadState, threadOf } from "@/lib/comments/commentActions";

export const dynamic = "force-dynamic";

const params = z.object({ mapId: z.string(), threadId: z.string() });

export const GET = withMap("map.read", { params }, async ({ params: { mapId, threadId } }) => {
  const result = await threadOf(mapId, threadId);
  if (!result.ok) return refusal(result);
  return Response.json({ thread: result.thread }, { headers: { "cache-control": "private, no-store" } });
});

/** PATCH {resolved: boolean} — resolves or reopens the thread (commenters and up). */
export const PATCH = withMap("map.comment", { params, body: threadStateSchema }, async ({ user, params: { mapId, threadId }, body }) => {
  const result = await setThreadState(user.id, mapId, threadId, body);
  if (!result.ok) return refusal(result);
  return Response.json({ thread: result.thread });
});
