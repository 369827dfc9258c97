import { rejectCrossOrigin } from "@/lib/http/originPolicy";
import { getSessionUser } from "@/lib/auth/sessionUser";
import { readJsonBody } from "@/lib/http/readJsonBody";
import { startThread, threadsOf } from "@/lib/comments/commentActions";

export const dynamic = "force-dynamic";

type Ctx = { params: Promise<{ mapId: string }> };

/** GET ?status=open|all&claimId=&citationId=&sourceId= — the map's threads, newest first. */
export async function GET(request: Request, { params }: Ctx) {
  const { mapId } = await params;
  const user = await getSessionUser();
  const query = Object.fromEntries(new URL(request.url).searchParams);
  const result = await threadsOf(user?.id ?? null, mapId, query);
  if (!result.ok) return Response.json({ error: result.error }, { status: result.status });
  return Response.json({ threads: result.threads }, { headers: { "cache-control": "private, no-store" } });
}

/** POST {target, body, mentions?} — starts a thread with its first comment (commenters and up). */
export async function POST(request: Request, { params }: Ctx) {
  const crossOrigin = rejectCrossOrigin(request);
  if (crossOrigin) return crossOrigin;
  const { mapId } = await params;
  const user = await getSessionUser();
  const body = await readJsonBody(request);
  if (!body.ok) return Response.json({ error: body.error }, { status: 400 });
  const result = await startThread(user?.id ?? null, mapId, body.value);
  if (!result.ok) return Response.json({ error: result.error }, { status: result.status });
  return Response.json({ thread: result.thread }, { status: 201 });
}
