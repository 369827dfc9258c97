import { getDatabase } from "./client";
import type { DatabaseKind } from "./databaseConfig";

export async function checkDatabase(): Promise<{ ok: true; kind: DatabaseKind } | { ok: false; error: string }> {
  try {
    const db = await getDatabase();
    await db.prisma.$queryRaw`select 1`;
    return { ok: true, kind: db.kind };
  } catch (error) {
    return { ok: false, error: (error as Error).message };
  }
}
