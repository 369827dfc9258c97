import { mutationRequest } from "@/lib/http/mutationRequest";
import { refusal } from "@/lib/http/refusal";
import { getSessionUser } from "@/lib/auth/sessionUser";
import { inboxOf, markInboxRead } from "@/lib/comments/inbox";

export const dynamic = "force-dynamic";

/** GET — my mentions and replies, newest first, with the unread count. */
export async function GET() {
  const user = await getSessionUser();
  const result = await inboxOf(user?.id ?? null);
  if (!result.ok) return refusal(result);
  return Response.json({ unread: result.unread, notifications: result.entries }, { headers: { "cache-control": "private, no-store" } });
}

/** POST {ids: [...]} or {all: true} — marks notifications read; answers the new unread count. */
export async function POST(request: Request) {
  const req = await mutationRequest(request);
  if (req instanceof Response) return req;
  const result = await markInboxRead(req.actorId, req.body);
  if (!result.ok) return refusal(result);
  return Response.json({ unread: result.unread });
}
