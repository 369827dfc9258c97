import { mutationRequest } from "@/lib/http/mutationRequest";
import { refusal } from "@/lib/http/refusal";
import { getSessionUser } from "@/lib/auth/sessionUser";
import { setThreadState, threadOf } from "@/lib/comments/commentActions";

export const dynamic = "force-dynamic";

type Ctx = { params: Promise<{ mapId: string; threadId: string }> };

export async function GET(_request: Request, { params }: Ctx) {
  const { mapId, threadId } = await params;
  const user = await getSessionUser();
  const result = await threadOf(user?.id ?? null, mapId, threadId);
  if (!result.ok) return refusal(result);
  return Response.json({ thread: result.thread }, { headers: { "cache-control": "private, no-store" } });
}

/** PATCH {resolved: boolean} — resolves or reopens the thread (commenters and up). */
export async function PATCH(request: Request, { params }: Ctx) {
  const req = await mutationRequest(request, params);
  if (req instanceof Response) return req;
  const { mapId, threadId } = req.params;
  const result = await setThreadState(req.actorId, mapId, threadId, req.body);
  if (!result.ok) return refusal(result);
  return Response.json({ thread: result.thread });
}
