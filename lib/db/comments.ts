import { getPrisma } from "./client";
import type { Prisma } from "./generated/client";

// Comment threads, comments and the inbox. Callers (lib/comments) have already checked
// access and validated input; these functions only read and write rows.

export type ThreadTargetKind = "claim" | "citation" | "passage";

export interface NewThreadRow {
  mapId: string;
  target: ThreadTargetKind;
  claimId?: string | null;
  citationId?: string | null;
  sourceId?: string | null;
  sourceVersion?: number | null;
  selector?: Prisma.InputJsonValue | null;
  createdById: string;
}

export interface CommentView {
  id: string;
  authorId: string | null;
  authorName: string;
  /** Empty once deleted: the row stays so the thread reads in order, the words do not. */
  body: string;
  createdAt: string;
  editedAt: string | null;
  deleted: boolean;
}

export interface ThreadView {
  id: string;
  mapId: string;
  target: ThreadTargetKind;
  claimId: string | null;
  citationId: string | null;
  sourceId: string | null;
  sourceVersion: number | null;
  selector: unknown;
  createdAt: string;
  resolvedAt: string | null;
  resolvedBy: { id: string; name: string } | null;
  comments: CommentView[];
}

const threadInclude = {
  comments: { orderBy: [{ createdAt: "asc" }, { id: "asc" }], include: { author: { select: { name: true } } } },
} satisfies Prisma.CommentThreadInclude;

type ThreadRow = Prisma.CommentThreadGetPayload<{ include: typeof threadInclude }>;

async function toViews(rows: ThreadRow[]): Promise<ThreadView[]> {
  const resolverIds = [...new Set(rows.map((r) => r.resolvedById).filter((v): v is string => !!v))];
  const prisma = await getPrisma();
  const resolvers = resolverIds.length
    ? new Map((await prisma.user.findMany({ where: { id: { in: resolverIds } }, select: { id: true, name: true } })).map((u) => [u.id, u.name]))
    : new Map<string, string>();
  return rows.map((r) => ({
    id: r.id,
    mapId: r.mapId,
    target: r.target,
    claimId: r.claimId,
    citationId: r.citationId,
    sourceId: r.sourceId,
    sourceVersion: r.sourceVersion,
    selector: r.selector,
    createdAt: r.createdAt.toISOString(),
    resolvedAt: r.resolvedAt?.toISOString() ?? null,
    resolvedBy: r.resolvedById ? { id: r.resolvedById, name: resolvers.get(r.resolvedById) ?? "a former member" } : null,
    comments: r.comments.map((c) => ({
      id: c.id,
      authorId: c.authorId,
      authorName: c.author?.name ?? "a former member",
      body: c.deletedAt ? "" : c.body,
      createdAt: c.createdAt.toISOString(),
      editedAt: c.editedAt?.toISOString() ?? null,
      deleted: c.deletedAt !== null,
    })),
  }));
}

/** Creates a thread with its first comment; returns both ids. */
export async function insertThread(row: NewThreadRow, body: string): Promise<{ threadId: string; commentId: string }> {
  const prisma = await getPrisma();
  const thread = await prisma.commentThread.create({
    data: {
      mapId: row.mapId,
      target: row.target,
      claimId: row.claimId ?? null,
      citationId: row.citationId ?? null,
      sourceId: row.sourceId ?? null,
      sourceVersion: row.sourceVersion ?? null,
      selector: row.selector ?? undefined,
      createdById: row.createdById,
      comments: { create: { authorId: row.createdById, body } },
    },
    include: { comments: { select: { id: true } } },
  });
  return { threadId: thread.id, commentId: thread.comments[0].id };
}

export async function insertComment(threadId: string, authorId: string, body: string): Promise<string> {
  const prisma = await getPrisma();
  const comment = await prisma.comment.create({ data: { threadId, authorId, body }, select: { id: true } });
  return comment.id;
}

export async function findThread(mapId: string, threadId: string): Promise<ThreadView | null> {
  const prisma = await getPrisma();
  const row = await prisma.commentThread.findFirst({ where: { id: threadId, mapId }, include: threadInclude });
  return row ? (await toViews([row]))[0] : null;
}

export interface ThreadFilter {
  status: "open" | "all";
  claimId?: string;
  citationId?: string;
  sourceId?: string;
}

/** Threads of a map, newest first; at most `limit` (a map with more is paged by target). */
export async function listThreads(mapId: string, filter: ThreadFilter, limit = 500): Promise<ThreadView[]> {
  const prisma = await getPrisma();
  const rows = await prisma.commentThread.findMany({
    where: {
      mapId,
      ...(filter.status === "open" ? { resolvedAt: null } : {}),
      ...(filter.claimId ? { claimId: filter.claimId } : {}),
      ...(filter.citationId ? { citationId: filter.citationId } : {}),
      ...(filter.sourceId ? { sourceId: filter.sourceId } : {}),
    },
    include: threadInclude,
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: limit,
  });
  return toViews(rows);
}

export async function setThreadResolved(threadId: string, resolvedById: string | null): Promise<void> {
  const prisma = await getPrisma();
  await prisma.commentThread.update({
    where: { id: threadId },
    data: resolvedById ? { resolvedAt: new Date(), resolvedById } : { resolvedAt: null, resolvedById: null },
  });
}

export interface CommentRow {
  id: string;
  threadId: string;
  mapId: string;
  authorId: string | null;
  deleted: boolean;
}

export async function findComment(mapId: string, commentId: string): Promise<CommentRow | null> {
  const prisma = await getPrisma();
  const row = await prisma.comment.findFirst({
    where: { id: commentId, thread: { mapId } },
    select: { id: true, threadId: true, authorId: true, deletedAt: true },
  });
  return row ? { id: row.id, threadId: row.threadId, mapId, authorId: row.authorId, deleted: row.deletedAt !== null } : null;
}

export async function updateCommentBody(commentId: string, body: string): Promise<void> {
  const prisma = await getPrisma();
  await prisma.comment.update({ where: { id: commentId }, data: { body, editedAt: new Date() } });
}

/** Soft delete: the row stays as "deleted" in the thread; its text and notifications go. */
export async function softDeleteComment(commentId: string): Promise<void> {
  const prisma = await getPrisma();
  await prisma.$transaction([
    prisma.comment.update({ where: { id: commentId }, data: { body: "", deletedAt: new Date() } }),
    prisma.notification.deleteMany({ where: { commentId } }),
  ]);
}

/** Everyone who wrote a (not deleted) comment in the thread before, in any order. */
export async function threadParticipants(threadId: string): Promise<string[]> {
  const prisma = await getPrisma();
  const rows = await prisma.comment.findMany({ where: { threadId, deletedAt: null, authorId: { not: null } }, select: { authorId: true }, distinct: ["authorId"] });
  return rows.map((r) => r.authorId!);
}

export interface NewNotification {
  userId: string;
  kind: "mention" | "reply";
}

/** Writes notifications for one comment; a (user, comment, kind) already notified is skipped. */
export async function insertNotifications(mapId: string, commentId: string, items: readonly NewNotification[]): Promise<void> {
  if (items.length === 0) return;
  const prisma = await getPrisma();
  await prisma.notification.createMany({
    data: items.map((n) => ({ userId: n.userId, mapId, commentId, kind: n.kind })),
    skipDuplicates: true,
  });
}

/** Users who already have a notification of this kind for the comment. */
export async function notifiedUsers(commentId: string, kind: "mention" | "reply"): Promise<string[]> {
  const prisma = await getPrisma();
  const rows = await prisma.notification.findMany({ where: { commentId, kind }, select: { userId: true } });
  return rows.map((r) => r.userId);
}

export interface InboxEntry {
  id: string;
  kind: "mention" | "reply";
  mapId: string;
  mapTitle: string;
  threadId: string;
  commentId: string;
  authorName: string;
  /** The start of the comment, for the list. */
  excerpt: string;
  createdAt: string;
  readAt: string | null;
}

const EXCERPT_LENGTH = 140;

/** A user's notifications, newest first, with the unread count. */
export async function listInbox(userId: string, limit = 50): Promise<{ unread: number; entries: InboxEntry[] }> {
  const prisma = await getPrisma();
  const [unread, rows] = await Promise.all([
    prisma.notification.count({ where: { userId, readAt: null } }),
    prisma.notification.findMany({
      where: { userId },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take: limit,
      include: { comment: { select: { threadId: true, body: true, author: { select: { name: true } } } } },
    }),
  ]);
  const mapIds = [...new Set(rows.map((r) => r.mapId))];
  const titles = new Map((await prisma.map.findMany({ where: { id: { in: mapIds } }, select: { id: true, title: true } })).map((m) => [m.id, m.title]));
  return {
    unread,
    entries: rows.map((r) => ({
      id: r.id,
      kind: r.kind,
      mapId: r.mapId,
      mapTitle: titles.get(r.mapId) ?? "a deleted map",
      threadId: r.comment.threadId,
      commentId: r.commentId,
      authorName: r.comment.author?.name ?? "a former member",
      excerpt: r.comment.body.length > EXCERPT_LENGTH ? r.comment.body.slice(0, EXCERPT_LENGTH - 1) + "…" : r.comment.body,
      createdAt: r.createdAt.toISOString(),
      readAt: r.readAt?.toISOString() ?? null,
    })),
  };
}

export async function countUnread(userId: string): Promise<number> {
  const prisma = await getPrisma();
  return prisma.notification.count({ where: { userId, readAt: null } });
}

/** Marks some (or, with null, all) of a user's notifications read; others' ids are ignored. */
export async function markNotificationsRead(userId: string, ids: readonly string[] | null): Promise<void> {
  const prisma = await getPrisma();
  await prisma.notification.updateMany({
    where: { userId, readAt: null, ...(ids ? { id: { in: [...ids] } } : {}) },
    data: { readAt: new Date() },
  });
}

/** Whether a citation row exists in the map's projection. */
export async function projectedCitationExists(mapId: string, citationId: string): Promise<boolean> {
  const prisma = await getPrisma();
  return (await prisma.citation.count({ where: { mapId, id: citationId } })) > 0;
}
