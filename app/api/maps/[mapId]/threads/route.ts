import { withMap } from "@/lib/http/withMap";
import { refusal } from "@/lib/http/refusal";
import { newThreadSchema } from "@/lib/comments/commentRequests";
import { startThread, threadsOf } from "@/lib/comments/commentActions";

export const dynamic = "force-dynamic";

/** GET ?status=open|all&claimId=&citationId=&sourceId= — the map's threads, newest first. */
export const GET = withMap("map.read", {}, async ({ request, params: { mapId } }) => {
  // The query is validated by threadsOf after the policy, so a refused caller learns nothing of it.
  const result = await threadsOf(mapId, Object.fromEntries(new URL(request.url).searchParams));
  if (!result.ok) return refusal(result);
  return Response.json({ threads: result.threads }, { headers: { "cache-control": "private, no-store" } });
});

/** POST {target, body, mentions?} — starts a thread with its first comment (commenters and up). */
export const POST = withMap("map.comment", { body: newThreadSchema }, async ({ user, params: { mapId }, body }) => {
  const result = await startThread(user.id, mapId, body);
  if (!result.ok) return refusal(result);
  return Response.json({ thread: result.thread }, { status: 201 });
});
