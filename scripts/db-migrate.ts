// `npm run db:migrate`: applies pending migrations to the configured database (DATABASE_URL
// or the embedded PGlite), the offline stand-in for `prisma migrate deploy`.
import { openDatabase, type Database } from "../lib/db/client";
import { resolveDatabaseConfig } from "../lib/db/databaseConfig";
import { applyPendingMigrations, defaultMigrationsDir } from "../lib/db/migrations";

async function main(): Promise<void> {
  const config = resolveDatabaseConfig();
  // Never print the URL itself: it may carry a password.
  const target = config.kind === "pglite" ? `PGlite at ${config.dataDir}` : `PostgreSQL (${redact(config.url!)})`;
  console.log(`Migrating ${target} from ${defaultMigrationsDir()}`);

  let db: Database | undefined;
  try {
    db = await openDatabase(config);
    const applied = await applyPendingMigrations(db, { log: (line) => console.log(`  ${line}`) });
    console.log(applied.length === 0 ? "Database is up to date; no migrations applied." : `Applied ${applied.length} migration(s).`);
  } finally {
    await db?.close();
  }
}

function redact(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = "***";
    return u.toString();
  } catch {
    return "unparseable DATABASE_URL";
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(`Migration failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
