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
 */
export const SERVER_NODE_ARGS = ["--no-memory-reducer"];

/** `node <args> <server bundle>`, with `extraNodeArgs` (e.g. profiling) first; builds the bundle. */
export function serverCommandArgs(extraNodeArgs = []) {
  return [...SERVER_NODE_ARGS, ...extraNodeArgs, buildServerBundle()];
}
