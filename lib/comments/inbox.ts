import { firstIssueMessage } from "../auth/credentialsSchema";
import { countUnread, listInbox, markNotificationsRead, type InboxEntry } from "../db/comments";
import { markReadSchema } from "./commentRequests";

/** The signed-in user's mentions and replies; no map access is needed to read one's own inbox. */
export async function inboxOf(userId: string | null): Promise<{ ok: true; unread: number; entries: InboxEntry[] } | { ok: false; status: 401; error: string }> {
  if (!userId) return { ok: false, status: 401, error: "Sign in to see your inbox." };
  return { ok: true, ...(await listInbox(userId)) };
}

export async function markInboxRead(userId: string | null, raw: unknown): Promise<{ ok: true; unread: number } | { ok: false; status: 400 | 401; error: string }> {
  if (!userId) return { ok: false, status: 401, error: "Sign in to see your inbox." };
  const parsed = markReadSchema.safeParse(raw);
  if (!parsed.success) return { ok: false, status: 400, error: firstIssueMessage(parsed.error) };
  await markNotificationsRead(userId, "all" in parsed.data ? null : parsed.data.ids);
  return { ok: true, unread: await countUnread(userId) };
}
