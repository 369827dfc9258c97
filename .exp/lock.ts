import { openDatabase } from "../lib/db/client";
import { applyPendingMigrations } from "../lib/db/migrations";
import fs from "node:fs"; import os from "node:os"; import path from "node:path";
const kind = process.argv[2];
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "lock-"));
let url: string | undefined;
if (kind === "pg") {
  const pg = (await import("pg")).default; const c = new pg.Client({ connectionString: "postgresql://postgres@127.0.0.1:5432/postgres" }); await c.connect(); await c.query("drop database if exists locktest"); await c.query("create database locktest"); await c.end();
  url = "postgresql://postgres@127.0.0.1:5432/locktest";
}
const db = await openDatabase(kind === "pg" ? { kind: "postgresql", url } : { kind: "pglite", dataDir: dir });
await applyPendingMigrations(db);
const r = await db.prisma.$transaction(async (tx) => {
  const a = await tx.$executeRaw`select pg_advisory_xact_lock(hashtext(${"map1"}))`;
  const b = await tx.$executeRaw`select pg_advisory_xact_lock_shared(hashtext(${"map1"}))`;
  return [a, b];
});
console.log("interactive", r);
const r2 = await db.prisma.$transaction([db.prisma.$executeRaw`select pg_advisory_xact_lock_shared(hashtext(${"map1"}))`, db.prisma.$executeRaw`select 1`]);
console.log("batch", r2);
await db.close();
