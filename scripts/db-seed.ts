// `npm run db:seed`: creates the sample source, its starter map and the demo account in the
// configured database (DATABASE_URL or the embedded PGlite) when they are missing, as
// `npm start` does at every start. Run `npm run db:migrate` first on a new database.
import { openDatabase, type Database } from "../lib/db/client";
import { resolveDatabaseConfig } from "../lib/db/databaseConfig";
import { seedDatabase, seedOptionsFromEnv, DEMO_EMAIL } from "../prisma/seed/seedDatabase";

async function main(): Promise<void> {
  let db: Database | undefined;
  try {
    db = await openDatabase(resolveDatabaseConfig());
    const options = seedOptionsFromEnv();
    const seed = await seedDatabase(db, options);
    console.log(seed.created ? "Seeded the sample source and its starter map." : "The sample map is already there; nothing seeded.");
    if (options.demo) console.log(`Demo account: ${DEMO_EMAIL}`);
  } finally {
    await db?.close();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(`Seeding failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
