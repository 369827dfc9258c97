/**
 * Lets background work (projection refreshes) take the event loop one job per loop
 * iteration. Rooms schedule refreshes with their own timers, and rooms that got busy
 * together have timers due in the same millisecond: Node runs every due timer in one go,
 * before it reads a socket again, so 100 refreshes of ~1.5 ms each became one 150–190 ms
 * stall of every socket of the process (CPU profile under the S3-typing benchmark). A job
 * awaiting `turn()` starts from its own setImmediate, and an immediate queued while others
 * run waits for the next iteration, so incoming edits are read and fanned out between jobs.
 */
export class BackgroundTurns {
  private readonly waiting: (() => void)[] = [];
  private scheduled = false;

  /** Resolves when it is this job's turn; run the synchronous part right after it. */
  turn(): Promise<void> {
    return new Promise((resolve) => {
      this.waiting.push(resolve);
      this.schedule();
    });
  }

  private schedule(): void {
    if (this.scheduled || this.waiting.length === 0) return;
    this.scheduled = true;
    setImmediate(() => {
      this.scheduled = false;
      this.waiting.shift()!();
      this.schedule();
    });
  }
}

/** One queue per process: every room's refreshes share the loop. */
export const backgroundTurns = new BackgroundTurns();
