/**
 * Per-user cap on open collaboration sockets on this instance. A slot is reserved as soon as
 * the upgrade is authorized, before the handshake finishes, so a burst of parallel upgrades
 * cannot all pass a check that only counts sockets already open.
 */
export class UserConnectionLimit {
  private readonly counts = new Map<string, number>();

  /** 0 disables the limit. */
  constructor(private readonly max: number) {}

  tryReserve(userId: string): boolean {
    const current = this.counts.get(userId) ?? 0;
    if (this.max > 0 && current >= this.max) return false;
    this.counts.set(userId, current + 1);
    return true;
  }

  release(userId: string): void {
    const current = this.counts.get(userId) ?? 0;
    if (current <= 1) this.counts.delete(userId);
    else this.counts.set(userId, current - 1);
  }

  count(userId: string): number {
    return this.counts.get(userId) ?? 0;
  }
}
