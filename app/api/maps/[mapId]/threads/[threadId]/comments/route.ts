import { mutationRequest } from "@/lib/http/mutationRequest";
import { refusal } from "@/lib/http/refusal";
import { replyToThread } from "@/lib/comments/commentActions";

export const dynamic = "force-dynamic";

type Ctx = { params: Promise<{ mapId: string; threadId: string }> };

/** POST {body, mentions?} — replies in the thread (commenters and up). */
export async function POST(request: Request, { params }: Ctx) {
  const req = await mutationRequest(request, params);
  if (req instanceof Response) return req;
  const { mapId, threadId } = req.params;
  const result = await replyToThread(req.actorId, mapId, threadId, req.body);
  if (!result.ok) return refusal(result);
  return Response.json({ thread: result.thread }, { status: 201 });
}
