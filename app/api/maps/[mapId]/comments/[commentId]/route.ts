import { mutationRequest } from "@/lib/http/mutationRequest";
import { refusal } from "@/lib/http/refusal";
import { deleteComment, editComment } from "@/lib/comments/commentActions";

export const dynamic = "force-dynamic";

type Ctx = { params: Promise<{ mapId: string; commentId: string }> };

/** PATCH {body, mentions?} — edits my own comment. */
export async function PATCH(request: Request, { params }: Ctx) {
  const req = await mutationRequest(request, params);
  if (req instanceof Response) return req;
  const { mapId, commentId } = req.params;
  const result = await editComment(req.actorId, mapId, commentId, req.body);
  if (!result.ok) return refusal(result);
  return Response.json({ thread: result.thread });
}

/** DELETE — hides my comment's text ("deleted" stays in the thread); owners may delete any. */
export async function DELETE(request: Request, { params }: Ctx) {
  const req = await mutationRequest(request, params, { body: false });
  if (req instanceof Response) return req;
  const { mapId, commentId } = req.params;
  const result = await deleteComment(req.actorId, mapId, commentId);
  if (!result.ok) return refusal(result);
  return Response.json({ thread: result.thread });
}
