import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { spawnSync } from "node:child_process";
import { afterEach, describe, expect, it } from "vitest";
import { DataDirLockedError, acquireDataDirLock } from "../../../lib/db/dataDirLock";

const dirs: string[] = [];
function lockPath(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "claimboard-lock-"));
  dirs.push(dir);
  return path.join(dir, "pglite.lock");
}
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

/** The pid of a process that has already exited. */
function deadPid(): number {
  const child = spawnSync(process.execPath, ["-e", ""]);
  return child.pid!;
}

describe("the data folder lock", () => {
  it("records pid and port, refuses a second holder while held, and is gone after release", () => {
    const file = lockPath();
    const lock = acquireDataDirLock(file, "./data", null);
    expect(JSON.parse(fs.readFileSync(file, "utf8"))).toEqual({ pid: process.pid, port: null });
    lock.setPort(3123);
    expect(JSON.parse(fs.readFileSync(file, "utf8"))).toEqual({ pid: process.pid, port: 3123 });
    let refusal: unknown;
    try {
      acquireDataDirLock(file, "./data");
    } catch (error) {
      refusal = error;
    }
    expect(refusal).toBeInstanceOf(DataDirLockedError);
    expect((refusal as Error).message).toBe(`another Claimboard (pid ${process.pid}, port 3123) is using ./data`);
    lock.release();
    expect(fs.existsSync(file)).toBe(false);
    acquireDataDirLock(file, "./data").release();
  });

  it("refuses while another live process holds it", () => {
    const file = lockPath();
    // pid 1 always runs (and is never this test process).
    fs.writeFileSync(file, JSON.stringify({ pid: 1, port: 3000 }));
    expect(() => acquireDataDirLock(file, "/srv/claimboard")).toThrow("another Claimboard (pid 1, port 3000) is using /srv/claimboard");
    expect(JSON.parse(fs.readFileSync(file, "utf8"))).toEqual({ pid: 1, port: 3000 });
  });

  it("takes over the stale lock of a process that no longer runs", () => {
    const file = lockPath();
    fs.writeFileSync(file, JSON.stringify({ pid: deadPid(), port: 3000 }));
    const lock = acquireDataDirLock(file, "./data", 4000);
    expect(JSON.parse(fs.readFileSync(file, "utf8"))).toEqual({ pid: process.pid, port: 4000 });
    expect(fs.readdirSync(path.dirname(file))).toEqual(["pglite.lock"]);
    lock.release();
  });
});
