import fs from "node:fs";
import path from "node:path";
import { spawn } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freshDatabase, type TestDatabase } from "../support/testDatabases";
import { runServerExpectingExit, startServer, type ServerProcess } from "../support/serverProcess";
import { signedUp } from "../support/collabClient";

const root = path.resolve(import.meta.dirname, "..", "..");

function runScript(script: string, env: Record<string, string>): Promise<{ code: number | null; output: string }> {
  const child = spawn(process.execPath, [path.join(root, "node_modules", "tsx", "dist", "cli.mjs"), script], {
    cwd: root,
    env: { ...process.env, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout!.on("data", (d) => (output += d));
  child.stderr!.on("data", (d) => (output += d));
  return new Promise((resolve) => child.once("exit", (code) => resolve({ code, output })));
}

// The lock only exists for the embedded PGlite: with DATABASE_URL there is no folder to guard
// (scale-out runs two instances on one database, covered by scaleOut.test.ts).
describe("one process per embedded data folder", () => {
  let db: TestDatabase;
  let first: ServerProcess | undefined;
  let third: ServerProcess | undefined;

  beforeAll(async () => {
    db = await freshDatabase("pglite");
  });
  afterAll(async () => {
    await first?.kill();
    await third?.stop();
    await db?.drop();
  });

  it("refuses a second start on the same folder while the first keeps serving, and takes over a stale lock", async () => {
    first = await startServer({ ...db.env });
    await signedUp(first.url, "first@example.com", "first password");

    const second = await runServerExpectingExit({ ...db.env }, 30_000);
    expect(second.code).not.toBe(0);
    expect(second.output).toContain(`another Claimboard (pid ${first.child.pid}, port ${first.port}) is using ${db.dataDir}`);
    expect((await fetch(`${first.url}/api/health`)).status).toBe(200);
    expect((await fetch(`${first.url}/api/maps`)).status).toBe(401);

    // The scripts that open the embedded database respect the lock too.
    const migrate = await runScript("scripts/db-migrate.ts", { ...db.env });
    expect(migrate.code).not.toBe(0);
    expect(migrate.output).toContain(`another Claimboard (pid ${first.child.pid}, port ${first.port}) is using ${db.dataDir}`);

    // kill -9 leaves the lock behind; its pid is gone, so the next start takes it over.
    await first.kill();
    third = await startServer({ ...db.env });
    await signedUp(third.url, "third@example.com", "third password");
    await third.stop();
    third = undefined;
    // A graceful stop removes the lock.
    expect(fs.readdirSync(db.dataDir).filter((n) => n.includes(".lock"))).toEqual([]);
  }, 150_000);
});
