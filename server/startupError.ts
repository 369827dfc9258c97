import { DatabaseOpenError } from "../lib/db/client";
import { DataDirLockedError } from "../lib/db/dataDirLock";

const DATABASE_UNREACHABLE = /Can't reach database server|ECONNREFUSED|ENOTFOUND|password authentication failed|database "[^"]+" does not exist|Connection terminated/i;

/**
 * Turns the failures a user can fix (a corrupt data folder, a port in use, an unreachable
 * PostgreSQL) into one sentence that says what to do; anything else keeps its stack trace.
 */
export function describeStartupError(error: unknown): { message: string; expected: boolean } {
  const e = error as NodeJS.ErrnoException & { port?: number; cause?: unknown };
  if (error instanceof DatabaseOpenError) return { message: e.message, expected: true };
  if (error instanceof DataDirLockedError) return { message: `${e.message}.`, expected: true };
  if (e?.code === "EADDRINUSE") return { message: `port ${e.port ?? ""} is in use. Set PORT to another port.`, expected: true };
  const text = [e?.message, (e?.cause as Error | undefined)?.message].filter(Boolean).join(" ");
  if (DATABASE_UNREACHABLE.test(text)) {
    const firstLine = text.split("\n").find((l) => DATABASE_UNREACHABLE.test(l))?.trim() ?? text;
    return { message: `the database at DATABASE_URL cannot be used (${firstLine}). Is PostgreSQL running, and does the database exist?`, expected: true };
  }
  return { message: String(e?.stack ?? error), expected: false };
}
