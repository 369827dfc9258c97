import { PGlite } from "@electric-sql/pglite";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { PrismaPg } from "@prisma/adapter-pg";
import type { SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import fs from "node:fs";
import pg from "pg";
import { PrismaClient } from "./generated/client";
import { dataDirLockPath, resolveDatabaseConfig, type DatabaseConfig, type DatabaseKind } from "./databaseConfig";
import { acquireDataDirLock, type DataDirLock } from "./dataDirLock";
import { pgliteExtensions } from "./pgliteExtensions";
import { pgliteForPrisma } from "./pgliteForPrisma";
import { poolErrorLogger } from "./poolErrorLog";
import { poolStatementRunner, prismaStatementRunner, type RunStatement } from "./statementRunner";

export interface Database {
  prisma: PrismaClient;
  kind: DatabaseKind;
  /** The adapter factory the offline migration engine binds to. */
  adapterFactory: SqlMigrationAwareDriverAdapterFactory;
  /** One self-contained statement straight on the driver where that is cheaper (statementRunner.ts). */
  runStatement: RunStatement;
  /** The embedded folder's lock (pglite only): the server records its port in it. */
  lock?: DataDirLock;
  close(): Promise<void>;
}

export class DatabaseOpenError extends Error {}

/** Opens a database; callers own the result. The app uses getDatabase() instead. */
export async function openDatabase(config: DatabaseConfig = resolveDatabaseConfig()): Promise<Database> {
  if (config.kind === "postgresql") {
    // One pool for Prisma's adapter and the direct statements, so they share the connections.
    const poolSize = Number(process.env.DATABASE_POOL_SIZE ?? 10);
    const pool = new pg.Pool({ connectionString: config.url!, max: poolSize });
    // An idle connection that breaks (PostgreSQL restarted) emits 'error' on the pool; unheard,
    // it would end the process. The next query opens a new connection.
    pool.on("error", poolErrorLogger((line) => console.error(line)));
    const prisma = new PrismaClient({ adapter: new PrismaPg(pool) });
    // The schema engine gets a factory whose every connect opens (and whose dispose ends) its
    // own pool: its migration lock is a session lock it never releases (schemaEngine.ts), so
    // on the shared pool it stayed held and the next instance to start timed out waiting.
    const adapterFactory = new PrismaPg({ connectionString: config.url!, max: poolSize });
    const close = async () => {
      await prisma.$disconnect();
      await pool.end();
    };
    return { prisma, kind: "postgresql", adapterFactory, runStatement: poolStatementRunner(pool), close };
  }
  const dataDir = config.dataDir!;
  fs.mkdirSync(dataDir, { recursive: true });
  // Before PGlite touches the folder: a second process must not open it at all.
  const port = Number(process.env.PORT);
  const lock = acquireDataDirLock(dataDirLockPath(dataDir), config.dataDirLabel ?? dataDir, Number.isInteger(port) && port > 0 ? port : null);
  let pglite: PGlite;
  try {
    pglite = await PGlite.create(dataDir, { extensions: pgliteExtensions });
    await pglite.query("select 1");
  } catch (error) {
    lock.release();
    throw new DatabaseOpenError(
      `The embedded database in ${dataDir} could not be opened (${(error as Error).message ?? error}). ` +
        `If it is corrupt or from another PGlite version, stop the app, move that folder away (or delete it to start fresh) and run 'npm start' again.`,
    );
  }
  const adapterFactory = new PrismaPGlite(pgliteForPrisma(pglite)) as unknown as SqlMigrationAwareDriverAdapterFactory;
  const prisma = new PrismaClient({ adapter: adapterFactory });
  return {
    prisma,
    kind: "pglite",
    adapterFactory,
    runStatement: prismaStatementRunner(prisma),
    lock,
    close: async () => {
      try {
        await prisma.$disconnect();
        await pglite.close();
      } finally {
        lock.release();
      }
    },
  };
}

// PGlite must be opened once per process, but Next's bundled server code and
// server/index.ts load this module as separate instances: the handle lives on globalThis.
const holder = globalThis as typeof globalThis & { __claimboardDatabase?: Promise<Database> };

export function getDatabase(): Promise<Database> {
  holder.__claimboardDatabase ??= openDatabase();
  return holder.__claimboardDatabase;
}

export async function getPrisma(): Promise<PrismaClient> {
  return (await getDatabase()).prisma;
}

/** Lets the server process install the handle it opened (and migrated) before Next loads. */
export function setDatabase(db: Database): void {
  holder.__claimboardDatabase = Promise.resolve(db);
}

export async function closeDatabase(): Promise<void> {
  const pending = holder.__claimboardDatabase;
  holder.__claimboardDatabase = undefined;
  if (pending) await (await pending).close();
}
