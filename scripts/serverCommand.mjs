// How every launcher runs the one server process (`npm start`, the tests, the benchmark), so
// what is measured is what is served.
import { buildServerBundle } from "./serverBundle.mjs";

/**
 * V8's memory reducer is built for a browser tab going idle: a few seconds after the allocation
 * rate drops it runs up to three full collections of the whole heap (~95 MB here: Next.js +
 * Prisma + the rooms) and shrinks the young generation, so scavenges then come 10× as often.
 * For a sync server that "idle" moment is a room full of typists: measured under the S1
 * benchmark (--trace-gc), three reducer collections paused the loop 15–35 ms each within 1.3 s
 * and put the p99 at 4–5 ms; without it no full collection ran during the run. Idle memory is
 * still reclaimed by the regular collections when the heap grows.
 *
 * `--max-semi-space-size=8` halves V8's young generation (16 → 8 MB per semi-space): scavenges
 * come more often and each has less to copy, and with 500 live maps those pauses
 * were most of the tail (CPU profile under S3: ~10 ms of collector samples in most stretches
 * of ≥ 12 ms). Back-to-back pairs on PostgreSQL, p99 ratio to the reference with / without:
 * S3 1.63 / 2.31, 1.28 / 2.26, 2.09 / 1.45; busy 2.24 / 1.46, 1.53 / 2.68, 0.84 / 2.28; S1 1.14
 * / 1.06, 0.89 / 0.95, 0.99 / 0.95; start-up RSS 230–250 vs 267–268 MB.
 *
 * `--heap-growing-percent=50` lets the old generation grow to 1.5× what survived the last full
 * collection before the next one starts. On a machine with gigabytes free V8 picks up to 4×:
 * under S3 (500 maps, ~230 MB live) it let the heap reach 520 MB of garbage-laden pages before
 * marking (--trace-gc), which was most of the 680–760 MB resident. Same hour, bench pairs on
 * PostgreSQL without / with: S3 resident max 688, 680 → 451, 489 MB; S3 p99 ratio to the
 * reference 2.65, 2.01 → 1.87, 1.37; S1, S2 and busy unchanged within the noise (their heaps
 * stay small). In the traced run no full collection fell inside S3's measured window.
 */
export const SERVER_NODE_ARGS = ["--no-memory-reducer", "--max-semi-space-size=8", "--heap-growing-percent=50"];

/**
 * Environment for the server process; launchers put it under their own environment, so an
 * operator's setting wins. glibc malloc starts serving requests of ≥ 128 KB with mmap, but
 * raises that threshold to the size of every such block freed (up to 32 MB), after which
 * large short-lived blocks (V8's compiler zones while Next.js's bundles are compiled at
 * start-up) come from the arenas and stay resident there: ~70 MB of arena memory in a fresh
 * server on PostgreSQL (/proc/<pid>/smaps). Fixed at 128 KB, RSS after start 207–245 → 181 MB;
 * one bench pair with / without: S1 resident max 195 / 223 MB, S3 266 / 304 MB, busy 209 / 219
 * MB, p99 S1 3.5 / 4.2, S3 2.9 / 4.2, busy 18.6 / 10.0 ms (busy's tail moves that much between
 * runs of the same code), CPU no higher. 64 KB and below would also catch the 64 KB socket read
 * buffers (an mmap per read).
 */
export const SERVER_PROCESS_ENV = { MALLOC_MMAP_THRESHOLD_: "131072" };

/** `node <args> <server bundle>`, with `extraNodeArgs` (e.g. profiling) first; builds the bundle. */
export function serverCommandArgs(extraNodeArgs = []) {
  return [...SERVER_NODE_ARGS, ...extraNodeArgs, buildServerBundle()];
}
