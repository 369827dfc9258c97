/**
 * Per-socket message rate limit. A bucket (not a fixed window) lets a client send its
 * connect burst — sync step 1, awareness, queued offline edits — while capping the
 * sustained rate.
 */
export class TokenBucket {
  private tokens: number;
  private last = performance.now();

  constructor(
    private readonly perSecond: number,
    private readonly burst: number,
  ) {
    this.tokens = burst;
  }

  /** `cost`: tokens this message takes (1 per message, or its bytes for a byte rate). */
  take(cost = 1): boolean {
    if (this.perSecond <= 0) return true;
    const now = performance.now();
    this.tokens = Math.min(this.burst, this.tokens + ((now - this.last) / 1000) * this.perSecond);
    this.last = now;
    if (this.tokens < cost) return false;
    this.tokens -= cost;
    return true;
  }
}
