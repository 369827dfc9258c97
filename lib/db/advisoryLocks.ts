import { Prisma } from "./generated/client";

/**
 * Every PostgreSQL advisory lock Claimboard takes, in one place, so two uses cannot collide
 * by accident. All are transaction-scoped (released at commit) and keyed per map:
 *
 * - the update log's lock: the one-key form, hashtext(map id). Appends take it shared (one
 *   statement, mapUpdateLog.ts), compaction exclusive, so no append lands below a snapshot.
 * - the projection lock: the two-key form (MAP_PROJECTION_LOCK_CLASS, hashtext(map id)), a
 *   separate key space from the one-key form, so refreshes of one map from several instances
 *   apply whole (projectionStore.ts).
 *
 * (Migrations lock through Prisma's schema engine, with its own key: schemaEngine.ts.)
 */
export const MAP_PROJECTION_LOCK_CLASS = 7101;

/** Exclusive update-log lock of one map (compaction). */
export function mapUpdateLogLock(mapId: string): Prisma.Sql {
  return Prisma.sql`pg_advisory_xact_lock(hashtext(${mapId}))`;
}

/** Shared update-log lock of the map id in `mapIdExpression` (appends; a column of the statement). */
export function mapUpdateLogSharedLock(mapIdExpression: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`pg_advisory_xact_lock_shared(hashtext(${mapIdExpression}))`;
}

/** The projection lock of one map. */
export function mapProjectionLock(mapId: string): Prisma.Sql {
  return Prisma.sql`pg_advisory_xact_lock(${Prisma.raw(String(MAP_PROJECTION_LOCK_CLASS))}, hashtext(${mapId}))`;
}
