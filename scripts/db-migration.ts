// `npm run db:migration -- <name>`: writes a new migration for the changes in
// prisma/schema.prisma, the offline stand-in for `prisma migrate dev --create-only`.
// The diff is computed on throw-away in-memory PGlite instances, never the real database.
import fs from "node:fs";
import path from "node:path";
import {
  defaultMigrationsDir,
  diffSchemaAgainstMigrations,
  MIGRATION_FILE,
  MIGRATION_LOCK_CONTENT,
  MIGRATION_LOCK_FILE,
  migrationTimestamp,
} from "../lib/db/migrations";

async function main(): Promise<number> {
  const name = process.argv[2];
  if (!name || !/^[a-z0-9_]+$/.test(name) || process.argv.length > 3) {
    console.error("Usage: npm run db:migration -- <name>   (name: lower-case letters, digits and _)");
    return 2;
  }

  const migrationsDir = defaultMigrationsDir();
  const diff = await diffSchemaAgainstMigrations({ migrationsDir });
  if (diff.inSync) {
    console.log("No schema changes: prisma/schema.prisma matches the migrations.");
    return 0;
  }

  const dir = path.join(migrationsDir, `${migrationTimestamp()}_${name}`);
  if (fs.existsSync(dir)) throw new Error(`${dir} already exists; try again in a second.`);
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, MIGRATION_FILE), diff.sql);
  const lock = path.join(migrationsDir, MIGRATION_LOCK_FILE);
  if (!fs.existsSync(lock)) fs.writeFileSync(lock, MIGRATION_LOCK_CONTENT);

  console.log(`Created ${path.relative(process.cwd(), path.join(dir, MIGRATION_FILE))}`);
  console.log("Review it, then run `npm run db:migrate` to apply it.");
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`Creating the migration failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
