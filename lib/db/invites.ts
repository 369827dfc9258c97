import { getPrisma } from "./client";
import type { Prisma, Role } from "./generated/client";
import { findMapRoleSources } from "./effectiveRole";
import { can } from "../auth/policy";
import { recordAudit } from "./auditLog";

export type InviteScope = { teamId: string } | { mapId: string };

export interface InviteView {
  id: string;
  role: Role;
  expiresAt: string | null;
  maxUses: number | null;
  uses: number;
  revokedAt: string | null;
  createdAt: string;
  status: "active" | "expired" | "revoked" | "used up";
}

interface InviteRow {
  id: string;
  role: Role;
  expiresAt: Date | null;
  maxUses: number | null;
  uses: number;
  revokedAt: Date | null;
  createdAt: Date;
  teamId: string | null;
  mapId: string | null;
}

export function inviteStatus(row: Pick<InviteRow, "expiresAt" | "maxUses" | "uses" | "revokedAt">, now = new Date()): InviteView["status"] {
  if (row.revokedAt) return "revoked";
  if (row.expiresAt && row.expiresAt <= now) return "expired";
  if (row.maxUses !== null && row.uses >= row.maxUses) return "used up";
  return "active";
}

function view(row: InviteRow): InviteView {
  return {
    id: row.id,
    role: row.role,
    expiresAt: row.expiresAt?.toISOString() ?? null,
    maxUses: row.maxUses,
    uses: row.uses,
    revokedAt: row.revokedAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
    status: inviteStatus(row),
  };
}

export async function createInvite(input: InviteScope & { tokenHash: string; role: Role; expiresAt: Date | null; maxUses: number | null; createdById: string }): Promise<InviteView> {
  const prisma = await getPrisma();
  return prisma.$transaction(async (tx) => {
    const row = await tx.invite.create({ data: input });
    await recordAudit(
      { ...scopeIds(input), actorId: input.createdById, action: "invite.created", detail: { inviteId: row.id, role: row.role, maxUses: row.maxUses, expiresAt: row.expiresAt?.toISOString() ?? null } },
      tx,
    );
    return view(row);
  });
}

function scopeIds(scope: InviteScope): { teamId: string | null; mapId: string | null } {
  return "teamId" in scope ? { teamId: scope.teamId, mapId: null } : { teamId: null, mapId: scope.mapId };
}

export async function listInvites(scope: InviteScope): Promise<InviteView[]> {
  const prisma = await getPrisma();
  const rows = await prisma.invite.findMany({ where: scope, orderBy: { createdAt: "desc" } });
  return rows.map(view);
}

/** Revokes an invite of this team or map; false when there is none with that id there. */
export async function revokeInvite(scope: InviteScope, inviteId: string, actorId: string): Promise<boolean> {
  const prisma = await getPrisma();
  return prisma.$transaction(async (tx) => {
    const { count } = await tx.invite.updateMany({ where: { id: inviteId, ...scope, revokedAt: null }, data: { revokedAt: new Date() } });
    if (count === 0) return false;
    await recordAudit({ ...scopeIds(scope), actorId, action: "invite.revoked", detail: { inviteId } }, tx);
    return true;
  });
}

export interface InviteTarget {
  id: string;
  role: Role;
  status: InviteView["status"];
  teamId: string | null;
  teamName: string | null;
  mapId: string | null;
  mapTitle: string | null;
}

export async function findInviteByTokenHash(tokenHash: string): Promise<InviteTarget | null> {
  const prisma = await getPrisma();
  const row = await prisma.invite.findUnique({
    where: { tokenHash },
    include: { team: { select: { name: true } }, map: { select: { title: true } } },
  });
  if (!row) return null;
  return { id: row.id, role: row.role, status: inviteStatus(row), teamId: row.teamId, teamName: row.team?.name ?? null, mapId: row.mapId, mapTitle: row.map?.title ?? null };
}

export type AcceptOutcome =
  | { ok: true; joined: boolean; role: Role; teamId: string | null; mapId: string | null }
  | { ok: false; reason: "not-found" | "expired" | "revoked" | "used up" };

/**
 * Accepts an invite for a user. The use is counted by one conditional UPDATE, so when two
 * people race for the last use of a link exactly one UPDATE matches a row; the membership is
 * written in the same transaction. (Expiry was checked just above in JS: comparing in SQL would
 * depend on the session time zone, since Prisma stores UTC in `timestamp` columns.) A user who already has this role or a higher one keeps it
 * and uses nothing.
 */
export async function acceptInvite(tokenHash: string, userId: string): Promise<AcceptOutcome> {
  const prisma = await getPrisma();
  return prisma.$transaction(async (tx) => {
    const invite = await tx.invite.findUnique({ where: { tokenHash } });
    if (!invite || (!invite.teamId && !invite.mapId)) return { ok: false, reason: "not-found" } as const;
    const status = inviteStatus(invite);
    if (status !== "active") return { ok: false, reason: status } as const;
    const current = invite.teamId
      ? (await tx.teamMember.findUnique({ where: { teamId_userId: { teamId: invite.teamId, userId } } }))?.role
      : (await findMapRoleSources(invite.mapId!, userId, tx)).effective;
    if (current && !can({ id: userId }, "invite.accept", { kind: "invite", role: current ?? null, grants: invite.role })) {
      return { ok: true, joined: false, role: current, teamId: invite.teamId, mapId: invite.mapId } as const;
    }
    const counted = await tx.$executeRaw`
      UPDATE "Invite" SET "uses" = "uses" + 1
      WHERE "id" = ${invite.id} AND "revokedAt" IS NULL
        AND ("maxUses" IS NULL OR "uses" < "maxUses")`;
    if (counted !== 1) {
      const fresh = await tx.invite.findUnique({ where: { id: invite.id } });
      const reason = fresh ? inviteStatus(fresh) : "not-found";
      return { ok: false, reason: reason === "active" ? "used up" : reason } as const;
    }
    if (invite.teamId) {
      await tx.teamMember.upsert({
        where: { teamId_userId: { teamId: invite.teamId, userId } },
        create: { teamId: invite.teamId, userId, role: invite.role },
        update: { role: invite.role },
      });
    } else {
      await tx.mapMember.upsert({
        where: { mapId_userId: { mapId: invite.mapId!, userId } },
        create: { mapId: invite.mapId!, userId, role: invite.role },
        update: { role: invite.role },
      });
    }
    await recordAudit({ teamId: invite.teamId, mapId: invite.mapId, actorId: userId, action: "invite.accepted", detail: { inviteId: invite.id, role: invite.role, userId } }, tx);
    return { ok: true, joined: true, role: invite.role, teamId: invite.teamId, mapId: invite.mapId } as const;
  });
}
