import { performance } from "node:perf_hooks";

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
  private lastSample = performance.eventLoopUtilization();
  private utilization = 0;

  /**
   * @param busyAbove event-loop utilization (over the last ~200 ms) above which the next job
   *   waits `pauseMs` instead of the next iteration. A saturated process still serves its
   *   sockets first: when 500 rooms started being typed in together, their first refreshes
   *   (each building a doc) came due within a few seconds and, one per iteration, took most
   *   of the loop for ~10 s on a slow machine (S3-typing p50 17 ms). Paced, the refreshes of a
   *   burst spread over more seconds; each still covers every edit made before it runs.
   */
  constructor(
    private readonly busyAbove = 0.9,
    private readonly pauseMs = 25,
  ) {}

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
    const next = () => {
      this.scheduled = false;
      this.waiting.shift()!();
      this.schedule();
    };
    if (this.loopBusy()) setTimeout(next, this.pauseMs);
    else setImmediate(next);
  }

  private loopBusy(): boolean {
    const now = performance.eventLoopUtilization();
    const since = performance.eventLoopUtilization(now, this.lastSample);
    if (since.idle + since.active >= 200) {
      this.utilization = since.utilization;
      this.lastSample = now;
    }
    return this.utilization > this.busyAbove;
  }
}

/** One queue per process: every room's refreshes share the loop. */
export const backgroundTurns = new BackgroundTurns();
