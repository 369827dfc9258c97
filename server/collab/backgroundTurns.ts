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
  /** When the next job may start: the last job's share of the loop (see loopShare). */
  private notBefore = 0;

  /**
   * @param busyAbove event-loop utilization (over the last ~200 ms) above which the next job
   *   waits `pauseMs` instead of the next iteration. A saturated process still serves its
   *   sockets first: when 500 rooms started being typed in together, their first refreshes
   *   (each building a doc) came due within a few seconds and, one per iteration, took most
   *   of the loop for ~10 s on a slow machine (S3-typing p50 17 ms). Paced, the refreshes of a
   *   burst spread over more seconds; each still covers every edit made before it runs.
   * @param loopShare the most of the loop a queue of jobs takes: after a job that held the
   *   loop d ms, the next waits d × (1 / loopShare − 1). On a faster machine the same burst
   *   never reached `busyAbove` (CPU 34–47 %), yet a job per iteration, up to 25 ms each (a
   *   doc build with a collection inside), left the loop little else for seconds: S3-typing
   *   p99 44–98 ms (reference 5–8). With 0.25: 28–45 ms (0.1 was no better across runs,
   *   and leaves a burst's last refreshes waiting longest). Cheap jobs (a refresh that
   *   diffs a few rows, < 1 ms) barely wait.
   */
  constructor(
    private readonly busyAbove = 0.9,
    private readonly pauseMs = 25,
    private readonly loopShare = 0.25,
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
      const started = performance.now();
      this.waiting.shift()!();
      // The job's synchronous part runs in the microtask its turn() resolution queued, so a
      // microtask queued after it ends when that part has: the time the job held the loop.
      // Kept as a time, not passed on: a job queued after the queue ran dry waits for it too.
      queueMicrotask(() => {
        const now = performance.now();
        this.notBefore = now + (now - started) * (1 / this.loopShare - 1);
        this.schedule();
      });
    };
    const wait = Math.max(this.notBefore - performance.now(), this.loopBusy() ? this.pauseMs : 0);
    if (wait >= 1) setTimeout(next, wait);
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
