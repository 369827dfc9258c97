import path from "node:path";

export type DatabaseKind = "pglite" | "postgresql";

export interface DatabaseConfig {
  kind: DatabaseKind;
  /** PostgreSQL connection string (postgresql kind only). */
  url?: string;
  /** PGlite data directory (pglite kind only). */
  dataDir?: string;
  /** The folder as the operator configured it, for messages (pglite kind only). */
  dataDirLabel?: string;
}

/**
 * Chooses the database from the environment: `DATABASE_URL=postgresql://…` selects
 * PostgreSQL, anything else the embedded PGlite under `./data/pglite` (PGLITE_DIR overrides).
 */
export function resolveDatabaseConfig(env: NodeJS.ProcessEnv = process.env): DatabaseConfig {
  const url = env.DATABASE_URL?.trim();
  if (url && /^postgres(ql)?:\/\//.test(url)) return { kind: "postgresql", url };
  if (url && !url.startsWith("pglite:")) {
    throw new Error(
      `DATABASE_URL must be a postgresql:// URL or unset (embedded PGlite); got "${url.split(":")[0]}:…"`,
    );
  }
  const fromUrl = url?.startsWith("pglite:") ? url.slice("pglite:".length) : undefined;
  const dataDir = path.resolve(/*turbopackIgnore: true*/ env.PGLITE_DIR || fromUrl || path.join(dataRoot(env), "pglite"));
  const dataDirLabel = env.PGLITE_DIR || fromUrl || env.CLAIMBOARD_DATA_DIR || "./data";
  return { kind: "pglite", dataDir, dataDirLabel };
}

/** Where the embedded deployment keeps its files (database, generated secret). */
export function dataRoot(env: NodeJS.ProcessEnv = process.env): string {
  return path.resolve(/*turbopackIgnore: true*/ env.CLAIMBOARD_DATA_DIR || "data");
}

/** The lock file that keeps a second process off a PGlite folder (dataDirLock.ts): beside it. */
export function dataDirLockPath(dataDir: string): string {
  return `${dataDir.replace(/[\\/]+$/, "")}.lock`;
}
