import { rejectCrossOrigin } from "@/lib/http/originPolicy";
import { getSessionUser } from "@/lib/auth/sessionUser";
import { readJsonBody } from "@/lib/http/readJsonBody";
import { inboxOf, markInboxRead } from "@/lib/comments/inbox";

export const dynamic = "force-dynamic";

/** GET — my mentions and replies, newest first, with the unread count. */
export async function GET() {
  const user = await getSessionUser();
  const result = await inboxOf(user?.id ?? null);
  if (!result.ok) return Response.json({ error: result.error }, { status: result.status });
  return Response.json({ unread: result.unread, notifications: result.entries }, { headers: { "cache-control": "private, no-store" } });
}

/** POST {ids: [...]} or {all: true} — marks notifications read; answers the new unread count. */
export async function POST(request: Request) {
  const crossOrigin = rejectCrossOrigin(request);
  if (crossOrigin) return crossOrigin;
  const user = await getSessionUser();
  const body = await readJsonBody(request);
  if (!body.ok) return Response.json({ error: body.error }, { status: 400 });
  const result = await markInboxRead(user?.id ?? null, body.value);
  if (!result.ok) return Response.json({ error: result.error }, { status: result.status });
  return Response.json({ unread: result.unread });
}
