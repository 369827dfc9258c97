import fs from "node:fs";

/**
 * One process per embedded data folder. PGlite has no lock of its own: a second process on
 * the same folder started, each saw only its own writes, and what the second accepted was gone
 * after a restart. The lock is a file created atomically (O_EXCL) holding the owner's pid and
 * port; a lock whose pid no longer runs (kill -9, power loss) is taken over.
 */
export interface LockOwner {
  pid: number;
  /** The port the owner listens on; null for a script (db:migrate, db:seed) or before listening. */
  port: number | null;
}

export class DataDirLockedError extends Error {
  constructor(
    readonly owner: LockOwner,
    readonly label: string,
  ) {
    super(`another Claimboard (pid ${owner.pid}, ${owner.port === null ? "no port" : `port ${owner.port}`}) is using ${label}`);
  }
}

export interface DataDirLock {
  readonly path: string;
  /** Records the port once the server listens, so a refused second start can name it. */
  setPort(port: number): void;
  /** Removes the lock if it is still ours (idempotent). */
  release(): void;
}

// Locks this process holds (on globalThis: Next's bundle loads this module a second time).
const holder = globalThis as typeof globalThis & { __claimboardHeldLocks?: Set<string> };
const heldHere = (holder.__claimboardHeldLocks ??= new Set<string>());

function readOwner(lockPath: string): LockOwner | null {
  try {
    const parsed = JSON.parse(fs.readFileSync(lockPath, "utf8")) as Partial<LockOwner>;
    if (typeof parsed.pid !== "number") return null;
    return { pid: parsed.pid, port: typeof parsed.port === "number" ? parsed.port : null };
  } catch {
    return null;
  }
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it runs, under another user.
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

function write(fd: number, owner: LockOwner): void {
  const text = JSON.stringify(owner) + "\n";
  fs.ftruncateSync(fd, 0);
  fs.writeSync(fd, text, 0);
  fs.fsyncSync(fd);
}

function tryCreate(lockPath: string, owner: LockOwner): boolean {
  let fd: number;
  try {
    fd = fs.openSync(lockPath, "wx", 0o644);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "EEXIST") return false;
    throw error;
  }
  try {
    write(fd, owner);
  } finally {
    fs.closeSync(fd);
  }
  return true;
}

/**
 * Takes the lock at `lockPath` or throws DataDirLockedError naming the live owner. `label` is
 * the folder as the operator configured it (for the message).
 */
export function acquireDataDirLock(lockPath: string, label: string, port: number | null = null): DataDirLock {
  const me: LockOwner = { pid: process.pid, port };
  for (let attempt = 0; ; attempt++) {
    if (tryCreate(lockPath, me)) break;
    const owner = readOwner(lockPath);
    // Our own pid is a live owner only if this process holds it; otherwise it is a stale lock
    // of an earlier process that had the same pid (pid 1 in a container).
    const live = owner && (owner.pid === process.pid ? heldHere.has(lockPath) : isRunning(owner.pid));
    if (owner && live) throw new DataDirLockedError(owner, label);
    // An empty/unreadable file may be a starter that has created but not yet written it.
    if (!owner && attempt < 20) {
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 25);
      continue;
    }
    if (attempt >= 25) throw new Error(`could not take the lock ${lockPath}`);
    // Stale (its process is gone): take it over. Renaming it to a name of our own first means
    // of two starters racing for the same stale lock, only one removes it; the other then finds
    // the winner's fresh lock on its next round.
    const aside = `${lockPath}.stale-${process.pid}`;
    try {
      fs.renameSync(lockPath, aside);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ENOENT") continue;
      throw error;
    }
    const moved = readOwner(aside);
    if (moved && moved.pid !== owner?.pid && moved.pid !== process.pid && isRunning(moved.pid)) {
      // Another starter replaced the stale lock between our read and the rename: put it back.
      fs.renameSync(aside, lockPath);
      throw new DataDirLockedError(moved, label);
    }
    fs.rmSync(aside, { force: true });
  }
  heldHere.add(lockPath);
  let released = false;
  const release = () => {
    if (released) return;
    released = true;
    heldHere.delete(lockPath);
    process.off("exit", release);
    if (readOwner(lockPath)?.pid === process.pid) fs.rmSync(lockPath, { force: true });
  };
  // A process that exits without closing the database (process.exit after an error) still
  // frees the folder; only kill -9 leaves a stale lock, which the next start takes over.
  process.on("exit", release);
  return {
    path: lockPath,
    setPort(newPort: number) {
      if (released) return;
      me.port = newPort;
      // Only informative (the message of a refused start): never worth failing a start over.
      try {
        const fd = fs.openSync(lockPath, "r+");
        try {
          write(fd, me);
        } finally {
          fs.closeSync(fd);
        }
      } catch (error) {
        console.error(`Could not record the port in ${lockPath}: ${(error as Error).message}`);
      }
    },
    release,
  };
}
