import { rejectCrossOrigin } from "@/lib/http/originPolicy";
import { getSessionUser } from "@/lib/auth/sessionUser";
import { readJsonBody } from "@/lib/http/readJsonBody";
import { deleteComment, editComment } from "@/lib/comments/commentActions";

export const dynamic = "force-dynamic";

type Ctx = { params: Promise<{ mapId: string; commentId: string }> };

/** PATCH {body, mentions?} — edits my own comment. */
export async function PATCH(request: Request, { params }: Ctx) {
  const crossOrigin = rejectCrossOrigin(request);
  if (crossOrigin) return crossOrigin;
  const { mapId, commentId } = await params;
  const user = await getSessionUser();
  const body = await readJsonBody(request);
  if (!body.ok) return Response.json({ error: body.error }, { status: 400 });
  const result = await editComment(user?.id ?? null, mapId, commentId, body.value);
  if (!result.ok) return Response.json({ error: result.error }, { status: result.status });
  return Response.json({ thread: result.thread });
}

/** DELETE — hides my comment's text ("deleted" stays in the thread); owners may delete any. */
export async function DELETE(request: Request, { params }: Ctx) {
  const crossOrigin = rejectCrossOrigin(request);
  if (crossOrigin) return crossOrigin;
  const { mapId, commentId } = await params;
  const user = await getSessionUser();
  const result = await deleteComment(user?.id ?? null, mapId, commentId);
  if (!result.ok) return Response.json({ error: result.error }, { status: result.status });
  return Response.json({ thread: result.thread });
}
