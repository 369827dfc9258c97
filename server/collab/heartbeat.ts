/** What the heartbeat needs of a socket. */
export interface HeartbeatPeer {
  /** Set by the socket when a pong (or any frame) arrives; cleared by each ping. */
  alive: boolean;
  ping(): void;
}

/**
 * Pings every socket once per `intervalMs` and reports those that did not answer the
 * previous ping (`onSilent`), a slice of the sockets at a time.
 *
 * One timer pinging every socket at once was a loop stall: with 1,000 sockets (the S3
 * benchmark) the burst of 1,000 `write` calls took 45–60 ms, then 1,000 pongs came back
 * together, and the deliveries queued behind both were the slowest of the run (CPU
 * profile lined up with the bench's slow-delivery log: 110 ms and 87 ms clusters). Here
 * each socket has one of up to 30 slots and one slot is pinged per tick (every 1 s by
 * default), so a burst is a thirtieth of the sockets. Each socket is still checked once
 * per interval; one that stays silent is reported at its next check (after 1–2 intervals,
 * as before).
 */
export class Heartbeat<P extends HeartbeatPeer> {
  private readonly slots: Set<P>[];
  private readonly slotOf = new Map<P, Set<P>>();
  private next = 0;
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly intervalMs: number,
    private readonly onSilent: (peer: P) => void,
    /** Ticks are at least 100 ms apart: short intervals (tests) get fewer slots. */
    slices = Math.max(1, Math.min(30, Math.floor(intervalMs / 100))),
  ) {
    this.slots = Array.from({ length: slices }, () => new Set<P>());
  }

  /** Puts the socket in the emptiest slot, so the slices stay even as sockets come and go. */
  add(peer: P): void {
    let slot = this.slots[0];
    for (const s of this.slots) if (s.size < slot.size) slot = s;
    slot.add(peer);
    this.slotOf.set(peer, slot);
  }

  remove(peer: P): void {
    this.slotOf.get(peer)?.delete(peer);
    this.slotOf.delete(peer);
  }

  start(): void {
    if (this.timer || this.intervalMs <= 0) return;
    this.timer = setInterval(() => this.tick(), this.intervalMs / this.slots.length);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  /** Checks the next slot: reports the silent sockets, pings the others. */
  tick(): void {
    const slot = this.slots[this.next];
    this.next = (this.next + 1) % this.slots.length;
    for (const peer of [...slot]) {
      if (!peer.alive) {
        this.remove(peer);
        this.onSilent(peer);
        continue;
      }
      peer.alive = false;
      peer.ping();
    }
  }
}
