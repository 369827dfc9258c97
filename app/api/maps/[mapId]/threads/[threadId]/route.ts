import { rejectCrossOrigin } from "@/lib/http/originPolicy";
import { getSessionUser } from "@/lib/auth/sessionUser";
import { readJsonBody } from "@/lib/http/readJsonBody";
import { setThreadState, threadOf } from "@/lib/comments/commentActions";

export const dynamic = "force-dynamic";

type Ctx = { params: Promise<{ mapId: string; threadId: string }> };

export async function GET(_request: Request, { params }: Ctx) {
  const { mapId, threadId } = await params;
  const user = await getSessionUser();
  const result = await threadOf(user?.id ?? null, mapId, threadId);
  if (!result.ok) return Response.json({ error: result.error }, { status: result.status });
  return Response.json({ thread: result.thread }, { headers: { "cache-control": "private, no-store" } });
}

/** PATCH {resolved: boolean} — resolves or reopens the thread (commenters and up). */
export async function PATCH(request: Request, { params }: Ctx) {
  const crossOrigin = rejectCrossOrigin(request);
  if (crossOrigin) return crossOrigin;
  const { mapId, threadId } = await params;
  const user = await getSessionUser();
  const body = await readJsonBody(request);
  if (!body.ok) return Response.json({ error: body.error }, { status: 400 });
  const result = await setThreadState(user?.id ?? null, mapId, threadId, body.value);
  if (!result.ok) return Response.json({ error: result.error }, { status: result.status });
  return Response.json({ thread: result.thread });
}
