import type { z } from "zod";
import { authorizeMap } from "../auth/mapPermissions";
import { firstIssueMessage } from "../auth/credentialsSchema";
import { publishMapEvent } from "../collab/mapEvents";
import { listMapMembers } from "../db/mapMembers";
import {
  findComment,
  findThread,
  insertComment,
  insertNotifications,
  insertThread,
  listThreads,
  notifiedUsers,
  setThreadResolved,
  softDeleteComment,
  threadParticipants,
  updateCommentBody,
  type NewNotification,
  type ThreadView,
} from "../db/comments";
import { commentTextSchema, newThreadSchema, threadListQuerySchema, threadStateSchema } from "./commentRequests";
import { findMentionedMembers } from "./mentions";
import { missingTargetReason } from "./threadTarget";

/**
 * Comment threads on claims, evidence cards and source passages. Anyone who can read the
 * map reads them; commenters and up write, resolve and reopen. Only a comment's author edits
 * it; its author or a map owner (moderation) deletes it. Every change is pushed to the map's
 * sockets (comments-changed), and users who got a notification hear inbox-changed.
 */

type Failure = { ok: false; status: 400 | 401 | 403 | 404; error: string };
export type ThreadResult = { ok: true; thread: ThreadView } | Failure;
export type ThreadListResult = { ok: true; threads: ThreadView[] } | Failure;

const invalid = (error: z.ZodError): Failure => ({ ok: false, status: 400, error: firstIssueMessage(error) });

export async function threadsOf(actorId: string | null, mapId: string, query: Record<string, string>): Promise<ThreadListResult> {
  const access = await authorizeMap(actorId, mapId, "read");
  if (!access.ok) return { ok: false, status: access.status, error: access.reason };
  const parsed = threadListQuerySchema.safeParse(query);
  if (!parsed.success) return invalid(parsed.error);
  return { ok: true, threads: await listThreads(mapId, parsed.data) };
}

export async function threadOf(actorId: string | null, mapId: string, threadId: string): Promise<ThreadResult> {
  const access = await authorizeMap(actorId, mapId, "read");
  if (!access.ok) return { ok: false, status: access.status, error: access.reason };
  const thread = await findThread(mapId, threadId);
  return thread ? { ok: true, thread } : { ok: false, status: 404, error: "There is no such thread in this map." };
}

/** Mentioned members: the structured ids (each must be a member) plus `@Name`s in the body. */
async function resolveMentions(mapId: string, body: string, ids: readonly string[] | undefined): Promise<{ ok: true; userIds: string[] } | Failure> {
  const members = await listMapMembers(mapId);
  const known = new Set(members.map((m) => m.userId));
  const userIds = new Set<string>();
  for (const id of ids ?? []) {
    // Team members of a team map are members without a direct share row.
    if (!known.has(id) && !(await authorizeMap(id, mapId, "read")).ok) {
      return { ok: false, status: 400, error: "You can only mention members of this map." };
    }
    userIds.add(id);
  }
  for (const id of findMentionedMembers(body, members)) userIds.add(id);
  return { ok: true, userIds: [...userIds] };
}

/** Mentions for the mentioned; "reply" for earlier participants not mentioned; never the author. */
async function notifyFor(mapId: string, threadId: string, commentId: string, authorId: string, mentioned: readonly string[], earlier: readonly string[]): Promise<void> {
  const items: NewNotification[] = [];
  for (const userId of mentioned) if (userId !== authorId) items.push({ userId, kind: "mention" });
  for (const userId of earlier) {
    if (userId === authorId || mentioned.includes(userId)) continue;
    // A participant who has since lost access to the map is not told about it.
    if ((await authorizeMap(userId, mapId, "read")).ok) items.push({ userId, kind: "reply" });
  }
  await insertNotifications(mapId, commentId, items);
  publishMapEvent(mapId, { type: "comments-changed", threadId });
  if (items.length > 0) publishMapEvent(mapId, { type: "inbox-changed", userIds: items.map((i) => i.userId) });
}

async function reloaded(mapId: string, threadId: string): Promise<ThreadResult> {
  const thread = await findThread(mapId, threadId);
  return thread ? { ok: true, thread } : { ok: false, status: 404, error: "There is no such thread in this map." };
}

export async function startThread(actorId: string | null, mapId: string, raw: unknown): Promise<ThreadResult> {
  const access = await authorizeMap(actorId, mapId, "comment");
  if (!access.ok) return { ok: false, status: access.status, error: access.reason };
  const parsed = newThreadSchema.safeParse(raw);
  if (!parsed.success) return invalid(parsed.error);
  const { target, body, mentions } = parsed.data;
  const missing = await missingTargetReason(mapId, target);
  if (missing) return { ok: false, status: 400, error: missing };
  const mentioned = await resolveMentions(mapId, body, mentions);
  if (!mentioned.ok) return mentioned;
  const { threadId, commentId } = await insertThread(
    {
      mapId,
      target: target.kind,
      claimId: target.kind === "claim" ? target.claimId : null,
      citationId: target.kind === "citation" ? target.citationId : null,
      sourceId: target.kind === "passage" ? target.sourceId : null,
      sourceVersion: target.kind === "passage" ? target.sourceVersion : null,
      selector: target.kind === "passage" ? target.selector : null,
      createdById: actorId!,
    },
    body,
  );
  await notifyFor(mapId, threadId, commentId, actorId!, mentioned.userIds, []);
  return reloaded(mapId, threadId);
}

export async function replyToThread(actorId: string | null, mapId: string, threadId: string, raw: unknown): Promise<ThreadResult> {
  const access = await authorizeMap(actorId, mapId, "comment");
  if (!access.ok) return { ok: false, status: access.status, error: access.reason };
  if (!(await findThread(mapId, threadId))) return { ok: false, status: 404, error: "There is no such thread in this map." };
  const parsed = commentTextSchema.safeParse(raw);
  if (!parsed.success) return invalid(parsed.error);
  const mentioned = await resolveMentions(mapId, parsed.data.body, parsed.data.mentions);
  if (!mentioned.ok) return mentioned;
  const earlier = await threadParticipants(threadId);
  const commentId = await insertComment(threadId, actorId!, parsed.data.body);
  await notifyFor(mapId, threadId, commentId, actorId!, mentioned.userIds, earlier);
  return reloaded(mapId, threadId);
}

export async function setThreadState(actorId: string | null, mapId: string, threadId: string, raw: unknown): Promise<ThreadResult> {
  const access = await authorizeMap(actorId, mapId, "comment");
  if (!access.ok) return { ok: false, status: access.status, error: access.reason };
  const thread = await findThread(mapId, threadId);
  if (!thread) return { ok: false, status: 404, error: "There is no such thread in this map." };
  const parsed = threadStateSchema.safeParse(raw);
  if (!parsed.success) return invalid(parsed.error);
  // Resolving a resolved thread keeps who resolved it first.
  if (parsed.data.resolved !== (thread.resolvedAt !== null)) await setThreadResolved(threadId, parsed.data.resolved ? actorId! : null);
  publishMapEvent(mapId, { type: "comments-changed", threadId });
  return reloaded(mapId, threadId);
}

export async function editComment(actorId: string | null, mapId: string, commentId: string, raw: unknown): Promise<ThreadResult> {
  const access = await authorizeMap(actorId, mapId, "comment");
  if (!access.ok) return { ok: false, status: access.status, error: access.reason };
  const comment = await findComment(mapId, commentId);
  if (!comment) return { ok: false, status: 404, error: "There is no such comment in this map." };
  if (comment.authorId !== actorId) return { ok: false, status: 403, error: "Only its author can edit a comment." };
  if (comment.deleted) return { ok: false, status: 400, error: "A deleted comment cannot be edited." };
  const parsed = commentTextSchema.safeParse(raw);
  if (!parsed.success) return invalid(parsed.error);
  const mentioned = await resolveMentions(mapId, parsed.data.body, parsed.data.mentions);
  if (!mentioned.ok) return mentioned;
  await updateCommentBody(commentId, parsed.data.body);
  // Only members newly mentioned by the edit hear about it.
  const already = new Set(await notifiedUsers(commentId, "mention"));
  await notifyFor(mapId, comment.threadId, commentId, actorId!, mentioned.userIds.filter((id) => !already.has(id)), []);
  return reloaded(mapId, comment.threadId);
}

export async function deleteComment(actorId: string | null, mapId: string, commentId: string): Promise<ThreadResult> {
  const access = await authorizeMap(actorId, mapId, "comment");
  if (!access.ok) return { ok: false, status: access.status, error: access.reason };
  const comment = await findComment(mapId, commentId);
  if (!comment) return { ok: false, status: 404, error: "There is no such comment in this map." };
  if (comment.authorId !== actorId && access.role !== "owner") {
    return { ok: false, status: 403, error: "Only its author or a map owner can delete a comment." };
  }
  if (!comment.deleted) await softDeleteComment(commentId);
  publishMapEvent(mapId, { type: "comments-changed", threadId: comment.threadId });
  return reloaded(mapId, comment.threadId);
}
