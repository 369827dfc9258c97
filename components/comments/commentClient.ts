import type { ThreadView } from "@/lib/db/comments";
import type { ThreadTargetInput } from "@/lib/comments/commentRequests";

// The browser's calls to the comment route handlers. Each answers the updated thread or
// throws an Error carrying the server's message.

async function send(method: string, url: string, body?: unknown): Promise<ThreadView> {
  const res = await fetch(url, {
    method,
    headers: body === undefined ? undefined : { "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const data = (await res.json().catch(() => ({}))) as { thread?: ThreadView; error?: string };
  if (!res.ok || !data.thread) throw new Error(data.error ?? `The server answered ${res.status}.`);
  return data.thread;
}

export const startThread = (mapId: string, target: ThreadTargetInput, body: string, mentions: string[]) =>
  send("POST", `/api/maps/${mapId}/threads`, { target, body, mentions });

export const replyToThread = (mapId: string, threadId: string, body: string, mentions: string[]) =>
  send("POST", `/api/maps/${mapId}/threads/${threadId}/comments`, { body, mentions });

export const setResolved = (mapId: string, threadId: string, resolved: boolean) => send("PATCH", `/api/maps/${mapId}/threads/${threadId}`, { resolved });

export const editComment = (mapId: string, commentId: string, body: string, mentions: string[]) =>
  send("PATCH", `/api/maps/${mapId}/comments/${commentId}`, { body, mentions });

export const deleteComment = (mapId: string, commentId: string) => send("DELETE", `/api/maps/${mapId}/comments/${commentId}`);
