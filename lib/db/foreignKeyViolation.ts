/**
 * A foreign-key failure: from Prisma (P2003), from the pg driver (SQLSTATE 23503) or from
 * PGlite through Prisma's raw queries (only the message says it).
 */
export function isForeignKeyViolation(error: unknown): boolean {
  const e = error as { code?: string; message?: string } | null;
  return e?.code === "P2003" || e?.code === "23503" || /foreign key constraint/i.test(e?.message ?? "");
}
