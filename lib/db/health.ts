import { getDatabase } from "./client";
import type { DatabaseKind } from "./databaseConfig";

/** An unreachable PostgreSQL can leave a query waiting for a connection: health answers within this. */
const CHECK_TIMEOUT_MS = 3000;

export async function checkDatabase(): Promise<{ ok: true; kind: DatabaseKind } | { ok: false; error: string }> {
  let timer: NodeJS.Timeout | undefined;
  try {
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`no answer within ${CHECK_TIMEOUT_MS} ms`)), CHECK_TIMEOUT_MS);
    });
    const check = (async () => {
      const db = await getDatabase();
      await db.prisma.$queryRaw`select 1`;
      return db.kind;
    })();
    check.catch(() => {}); // settles after the timeout won: not an unhandled rejection
    return { ok: true, kind: await Promise.race([check, timeout]) };
  } catch (error) {
    return { ok: false, error: (error as Error).message.split("\n")[0] };
  } finally {
    clearTimeout(timer);
  }
}
