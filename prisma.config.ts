import { defineConfig } from "prisma/config";

// The CLI is only used for `prisma generate` here; migrations run through our own offline
// runner (scripts/db-migrate.ts) because the native schema engine cannot be downloaded.
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
});
