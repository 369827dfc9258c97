import { z } from "zod";
import { withMap } from "@/lib/http/withMap";
import { refusal } from "@/lib/http/refusal";
import { deleteComment, editComment } from "@/lib/comments/commentActions";

export const dynamic = "force-dynamic";

const params = z.object({ mapId: z.string(), commentId: z.string() });

/** PATCH {body, mentions?} — edits my own comment. The lib call validates the body after its lookup (a missing thread or comment is 404 whatever the body). */
export const PATCH = withMap("map.comment", { params, body: z.unknown() }, async ({ user, access, params: { mapId, commentId }, body }) => {
  const result = await editComment(user.id, access.role, mapId, commentId, body);
  if (!result.ok) return refusal(result);
  return Response.json({ thread: result.thread });
});

/** DELETE — hides my comment's text ("deleted" stays in the thread); owners may delete any. */
export const DELETE = withMap("map.comment", { params }, async ({ user, access, params: { mapId, commentId } }) => {
  const result = await deleteComment(user.id, access.role, mapId, commentId);
  if (!result.ok) return refusal(result);
  return Response.json({ thread: result.thread });
});
