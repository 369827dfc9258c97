import { describe, expect, it } from "vitest";
import { BackgroundTurns } from "../../../server/collab/backgroundTurns";

const busyFor = (ms: number) => {
  const end = performance.now() + ms;
  while (performance.now() < end) {
    // the loop serving sockets: no idle time
  }
};
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** When each of `n` queued jobs got its turn, relative to the first. */
async function turnTimes(turns: BackgroundTurns, n: number): Promise<number[]> {
  const at: number[] = [];
  await Promise.all(Array.from({ length: n }, () => turns.turn().then(() => void at.push(performance.now()))));
  return at.map((t) => t - at[0]);
}

describe("BackgroundTurns", () => {
  it("gives queued jobs consecutive loop iterations while the loop has idle time", async () => {
    const turns = new BackgroundTurns(0.5, 200);
    await sleep(250); // an idle sample of the loop
    const at = await turnTimes(turns, 5);
    expect(at[4]).toBeLessThan(150);
  });

  it("spaces them by the pause while the loop is saturated, and goes back to consecutive iterations after", async () => {
    const turns = new BackgroundTurns(0.5, 200);
    // Foreground work keeps the loop ~90 % busy, as sockets do in a saturated server.
    const load = setInterval(() => busyFor(9), 10);
    try {
      await sleep(250);
      const paced = await turnTimes(turns, 4);
      for (let i = 1; i < paced.length; i++) expect(paced[i] - paced[i - 1]).toBeGreaterThanOrEqual(190);
    } finally {
      clearInterval(load);
    }
    await sleep(450); // long enough for a fresh, idle sample
    const free = await turnTimes(turns, 5);
    expect(free[4]).toBeLessThan(150);
  });

  it("keeps a queue of costly jobs to its share of the loop, measured by what each job held", async () => {
    // Loop busy 0 % before (no pause from utilization); each job holds the loop 10 ms.
    const turns = new BackgroundTurns(0.9, 25, 0.25);
    await sleep(250);
    const started: number[] = [];
    await Promise.all(
      Array.from({ length: 5 }, () =>
        turns.turn().then(() => {
          started.push(performance.now());
          busyFor(10);
        }),
      ),
    );
    // A share of 0.25: after 10 ms of job, 30 ms for everything else. Back to back, 10 ms apart.
    for (let i = 1; i < started.length; i++) expect(started[i] - started[i - 1]).toBeGreaterThanOrEqual(39);
  });
});
