import { authorizeMap } from "./mapPermissions";
import { authorizeTeam } from "./teamPermissions";
import { fail, type ServiceResult } from "./serviceResult";
import { listAudit, type AuditEntry } from "../db/auditLog";

/** A map's activity is for its owners. */
export async function mapAuditFor(actorId: string | null, mapId: string): Promise<ServiceResult<AuditEntry[]>> {
  const access = await authorizeMap(actorId, mapId, "manage");
  if (!access.ok) return fail(access.status, access.reason);
  return { ok: true, value: await listAudit({ mapId }) };
}

/** A team's activity is for the team's owners. */
export async function teamAuditFor(actorId: string | null, teamId: string): Promise<ServiceResult<AuditEntry[]>> {
  const access = await authorizeTeam(actorId, teamId, "manage");
  if (!access.ok) return fail(access.status, access.reason);
  return { ok: true, value: await listAudit({ teamId }) };
}
