import type { z } from "zod";
import type { Role } from "../auth/policy";
import { can } from "../auth/policy";
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
 * Comment threads on claims, evidence cards and source passages. Who may do what is the
 * policy's (map.read, map.comment, comment.edit, comment.delete); the route wrapper (withMap)
 * checks the map action before these run, these check the comment's author. Every change is pushed to the map's
 * sockets (comments-changed), and users who got a notification hear inbox-changed.
 */

type Failure = { ok: false; status: 400 | 401 | 403 | 404; error: string };
export type ThreadResult = { ok: true; thread: ThreadView } | Failure;
export type ThreadListResult = { ok: true; threads: ThreadView[] } | Failure;

const invalid = (error: z.ZodError): Failure => ({ ok: false, status: 400, error: firstIssueMessage(error) });

export async function threadsOf(mapId: string, query: Record<string, string>): Promise<ThreadListResult> {
  const parsed = threadListQuerySchema.safeParse(query);
  if (!parsed.success) return invalid(parsed.error);
  return { ok: true, threads: await listThreads(mapId, parsed.data) };
}

export async function threadOf(mapId: string, threadId: string): Promise<ThreadResult> {
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
    if (!known.has(id) && !(await authorizeMap(id, mapId, "map.read")).ok) {
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
    if ((await authorizeMap(userId, mapId, "map.read")).ok) items.push({ userId, kind: "reply" });
  }
  await insertNotifications(mapId, commentId, items);
  publishMapEvent(mapId, { type: "comments-changed", threadId });
  if (items.length > 0) publishMapEvent(mapId, { type: "inbox-changed", userIds: items.map((i) => i.userId) });
}

async function reloaded(mapId: string, threadId: string): Promise<ThreadResult> {
  const thread = await findThread(mapId, threadId);
  return thread ? { ok: true, thread } : { ok: false, status: 404, error: "There is no such thread in this map." };
}

export async function startThread(actorId: string, mapId: string, request: z.infer<typeof newThreadSchema>): Promise<ThreadResult> {
  const { target, body, mentions } = request;
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
      createdById: actorId,
    },
    body,
  );
  await notifyFor(mapId, threadId, commentId, actorId, mentioned.userIds, []);
  return reloaded(mapId, threadId);
}

// replyToThread, setThreadState and editComment validate the body themselves, after looking up
// the thread or comment (a missing one is 404 whatever the body), as they always have.

export async function replyToThread(actorId: string, mapId: string, threadId: string, raw: unknown): Promise<ThreadResult> {
  if (!(await findThread(mapId, threadId))) return { ok: false, status: 404, error: "There is no such thread in this map." };
  const parsed = commentTextSchema.safeParse(raw);
  if (!parsed.success) return invalid(parsed.error);
  const request = parsed.data;
  const mentioned = await resolveMentions(mapId, request.body, request.mentions);
  if (!mentioned.ok) return mentioned;
  const earlier = await threadParticipants(threadId);
  const commentId = await insertComment(threadId, actorId, request.body);
  await notifyFor(mapId, threadId, commentId, actorId, mentioned.userIds, earlier);
  return reloaded(mapId, threadId);
}

export async function setThreadState(actorId: string, mapId: string, threadId: string, raw: unknown): Promise<ThreadResult> {
  const thread = await findThread(mapId, threadId);
  if (!thread) return { ok: false, status: 404, error: "There is no such thread in this map." };
  const parsed = threadStateSchema.safeParse(raw);
  if (!parsed.success) return invalid(parsed.error);
  const request = parsed.data;
  // Resolving a resolved thread keeps who resolved it first.
  if (request.resolved !== (thread.resolvedAt !== null)) await setThreadResolved(threadId, request.resolved ? actorId : null);
  publishMapEvent(mapId, { type: "comments-changed", threadId });
  return reloaded(mapId, threadId);
}

/** `role`: the actor's role on the map (withMap checked map.comment). */
export async function editComment(actorId: string, role: Role, mapId: string, commentId: string, raw: unknown): Promise<ThreadResult> {
  const comment = await findComment(mapId, commentId);
  if (!comment) return { ok: false, status: 404, error: "There is no such comment in this map." };
  if (!can({ id: actorId }, "comment.edit", { kind: "comment", role, authorId: comment.authorId })) return { ok: false, status: 403, error: "Only its author can edit a comment." };
  if (comment.deleted) return { ok: false, status: 400, error: "A deleted comment cannot be edited." };
  const parsed = commentTextSchema.safeParse(raw);
  if (!parsed.success) return invalid(parsed.error);
  const request = parsed.data;
  const mentioned = await resolveMentions(mapId, request.body, request.mentions);
  if (!mentioned.ok) return mentioned;
  await updateCommentBody(commentId, request.body);
  // Only members newly mentioned by the edit hear about it.
  const already = new Set(await notifiedUsers(commentId, "mention"));
  await notifyFor(mapId, comment.threadId, commentId, actorId, mentioned.userIds.filter((id) => !already.has(id)), []);
  return reloaded(mapId, comment.threadId);
}

/** `role`: the actor's role on the map (withMap checked map.comment). */
export async function deleteComment(actorId: string, role: Role, mapId: string, commentId: string): Promise<ThreadResult> {
  const comment = await findComment(mapId, commentId);
  if (!comment) return { ok: false, status: 404, error: "There is no such comment in this map." };
  if (!can({ id: actorId }, "comment.delete", { kind: "comment", role, authorId: comment.authorId })) {
    return { ok: false, status: 403, error: "Only its author or a map owner can delete a comment." };
  }
  if (!comment.deleted) await softDeleteComment(commentId);
  publishMapEvent(mapId, { type: "comments-changed", threadId: comment.threadId });
  return reloaded(mapId, comment.threadId);
}
