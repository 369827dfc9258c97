import { getPrisma } from "./client";
import type { Prisma } from "./generated/client";

/** Everything the audit log records; the UI turns these into sentences. */
export type AuditAction =
  | "map.created"
  | "map.deleted"
  | "map.moved-to-team"
  | "map.shared"
  | "map.member-removed"
  | "map.exported"
  | "team.created"
  | "team.member-added"
  | "team.role-changed"
  | "team.member-removed"
  | "team.member-left"
  | "team.ownership-transferred"
  | "invite.created"
  | "invite.revoked"
  | "invite.accepted";

export interface AuditRecord {
  mapId?: string | null;
  teamId?: string | null;
  actorId: string | null;
  action: AuditAction;
  /** Small JSON facts: target user, role, invite id… (names are looked up when listed). */
  detail?: Record<string, string | number | boolean | null>;
}

type Tx = Pick<Prisma.TransactionClient, "auditEvent">;

export async function recordAudit(event: AuditRecord, tx?: Tx): Promise<void> {
  const db = tx ?? (await getPrisma());
  await db.auditEvent.create({
    data: {
      mapId: event.mapId ?? null,
      teamId: event.teamId ?? null,
      actorId: event.actorId,
      action: event.action,
      detail: event.detail ?? {},
    },
  });
}

/**
 * Records `event` at most once per actor, map and UTC hour (brief downloads: a class
 * downloading a brief all period would otherwise flood the log). The row carries a key naming
 * that window; its unique index turns a concurrent or later duplicate into a no-op
 * (INSERT … ON CONFLICT DO NOTHING), so no check-then-insert race even across instances.
 */
export async function recordAuditOncePerHour(event: AuditRecord & { mapId: string }, now = new Date()): Promise<void> {
  const prisma = await getPrisma();
  const hour = now.toISOString().slice(0, 13);
  await prisma.auditEvent.createMany({
    data: [
      {
        mapId: event.mapId,
        teamId: event.teamId ?? null,
        actorId: event.actorId,
        action: event.action,
        detail: event.detail ?? {},
        coalesceKey: `${event.action}|${event.mapId}|${event.actorId ?? ""}|${hour}`,
      },
    ],
    skipDuplicates: true,
  });
}

export interface AuditEntry {
  id: string;
  action: string;
  actorId: string | null;
  actorName: string | null;
  /** The user the action was about (detail.userId), when there is one. */
  targetName: string | null;
  detail: Record<string, unknown>;
  createdAt: string;
}

/** Newest first; actor and target names come from the users that still exist. */
export async function listAudit(scope: { mapId: string } | { teamId: string }, limit = 100): Promise<AuditEntry[]> {
  const prisma = await getPrisma();
  const rows = await prisma.auditEvent.findMany({ where: scope, orderBy: { id: "desc" }, take: limit });
  const userIds = new Set<string>();
  for (const r of rows) {
    if (r.actorId) userIds.add(r.actorId);
    const target = (r.detail as Record<string, unknown> | null)?.userId;
    if (typeof target === "string") userIds.add(target);
  }
  const users = await prisma.user.findMany({ where: { id: { in: [...userIds] } }, select: { id: true, name: true, email: true } });
  const nameOf = new Map(users.map((u) => [u.id, u.name || u.email]));
  return rows.map((r) => {
    const detail = (r.detail ?? {}) as Record<string, unknown>;
    return {
      id: r.id.toString(),
      action: r.action,
      actorId: r.actorId,
      actorName: r.actorId ? (nameOf.get(r.actorId) ?? "a deleted user") : null,
      targetName: typeof detail.userId === "string" ? (nameOf.get(detail.userId) ?? "a deleted user") : null,
      detail,
      createdAt: r.createdAt.toISOString(),
    };
  });
}
