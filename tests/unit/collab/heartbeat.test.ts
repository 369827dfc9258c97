import { describe, expect, it } from "vitest";
import { Heartbeat, type HeartbeatPeer } from "../../../server/collab/heartbeat";

class Peer implements HeartbeatPeer {
  alive = true;
  pings = 0;
  constructor(readonly answers = true) {}
  ping() {
    this.pings++;
    // A live client's pong arrives before the next check.
    if (this.answers) this.alive = true;
  }
}

describe("Heartbeat", () => {
  it("pings every socket once per interval, a slice per tick", () => {
    const silent: Peer[] = [];
    const hb = new Heartbeat<Peer>(30_000, (p) => silent.push(p));
    const peers = Array.from({ length: 1000 }, () => new Peer());
    for (const p of peers) hb.add(p);
    const perTick: number[] = [];
    for (let t = 0; t < 30; t++) {
      const before = peers.reduce((n, p) => n + p.pings, 0);
      hb.tick();
      perTick.push(peers.reduce((n, p) => n + p.pings, 0) - before);
    }
    expect(peers.every((p) => p.pings === 1)).toBe(true);
    // 1,000 sockets over 30 slots: no burst larger than 34.
    expect(Math.max(...perTick)).toBeLessThanOrEqual(34);
    expect(silent).toEqual([]);
  });

  it("reports a socket that did not answer at its next check, then forgets it", () => {
    const silent: Peer[] = [];
    const hb = new Heartbeat<Peer>(1000, (p) => silent.push(p), 4);
    const mute = new Peer(false);
    const others = [new Peer(), new Peer(), new Peer()];
    hb.add(mute);
    for (const p of others) hb.add(p);
    for (let t = 0; t < 4; t++) hb.tick();
    expect(mute.pings).toBe(1);
    expect(silent).toEqual([]);
    for (let t = 0; t < 4; t++) hb.tick();
    expect(silent).toEqual([mute]);
    for (let t = 0; t < 8; t++) hb.tick();
    expect(mute.pings).toBe(1);
    expect(others.every((p) => p.pings === 4)).toBe(true);
  });

  it("keeps slots even as sockets leave and join", () => {
    const hb = new Heartbeat<Peer>(1000, () => {}, 4);
    const peers = Array.from({ length: 8 }, () => new Peer());
    for (const p of peers) hb.add(p);
    // Empty one slot (peers 0 and 4 share it: filled round the emptiest-first order), then add two.
    hb.remove(peers[0]);
    hb.remove(peers[4]);
    const fresh = [new Peer(), new Peer()];
    for (const p of fresh) hb.add(p);
    const perTick: number[] = [];
    const all = [...peers.filter((_, i) => i !== 0 && i !== 4), ...fresh];
    for (let t = 0; t < 4; t++) {
      const before = all.reduce((n, p) => n + p.pings, 0);
      hb.tick();
      perTick.push(all.reduce((n, p) => n + p.pings, 0) - before);
    }
    expect(perTick).toEqual([2, 2, 2, 2]);
    expect(peers[0].pings + peers[4].pings).toBe(0);
  });

  it("ticks on its own once started", async () => {
    const hb = new Heartbeat<Peer>(200, () => {}, 2);
    const p = new Peer();
    hb.add(p);
    hb.start();
    await new Promise((r) => setTimeout(r, 450));
    hb.stop();
    expect(p.pings).toBeGreaterThanOrEqual(1);
    const after = p.pings;
    await new Promise((r) => setTimeout(r, 250));
    expect(p.pings).toBe(after);
  });
});
