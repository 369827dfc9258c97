import { mutationRequest } from "@/lib/http/mutationRequest";
import { refusal } from "@/lib/http/refusal";
import { getSessionUser } from "@/lib/auth/sessionUser";
import { startThread, threadsOf } from "@/lib/comments/commentActions";

export const dynamic = "force-dynamic";

type Ctx = { params: Promise<{ mapId: string }> };

/** GET ?status=open|all&claimId=&citationId=&sourceId= — the map's threads, newest first. */
export async function GET(request: Request, { params }: Ctx) {
  const { mapId } = await params;
  const user = await getSessionUser();
  const query = Object.fromEntries(new URL(request.url).searchParams);
  const result = await threadsOf(user?.id ?? null, mapId, query);
  if (!result.ok) return refusal(result);
  return Response.json({ threads: result.threads }, { headers: { "cache-control": "private, no-store" } });
}

/** POST {target, body, mentions?} — starts a thread with its first comment (commenters and up). */
export async function POST(request: Request, { params }: Ctx) {
  const req = await mutationRequest(request, params);
  if (req instanceof Response) return req;
  const { mapId } = req.params;
  const result = await startThread(req.actorId, mapId, req.body);
  if (!result.ok) return refusal(result);
  return Response.json({ thread: result.thread }, { status: 201 });
}
