import { z } from "zod";
import { withMap } from "@/lib/http/withMap";
import { refusal } from "@/lib/http/refusal";
import { replyToThread } from "@/lib/comments/commentActions";

export const dynamic = "force-dynamic";

const params = z.object({ mapId: z.string(), threadId: z.string() });

/** POST {body, mentions?} — replies in the thread (commenters and up). The lib call validates the body after its lookup (a missing thread or comment is 404 whatever the body). */
export const POST = withMap("map.comment", { params, body: z.unknown() }, async ({ user, params: { mapId, threadId }, body }) => {
  const result = await replyToThread(user.id, mapId, threadId, body);
  if (!result.ok) return refusal(result);
  return Response.json({ thread: result.thread }, { status: 201 });
});
