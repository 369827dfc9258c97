import type { PGlite, Transaction } from "@electric-sql/pglite";

const nextMacrotask = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * PGlite runs SQL inside this process, synchronously, and resolves each query in a
 * microtask: queued statements of many rooms then run back to back without the event loop
 * ever reaching the sockets (measured under 500 busy maps: 30–290 ms stalls made of nothing
 * but queries). Each statement here first waits for the next macrotask, so socket reads and
 * fan-out interleave with database work and the longest stall is one statement, not a queue.
 * Only `query` (what the Prisma adapter runs statements with) waits; `exec`, which the adapter
 * calls without awaiting for migration scripts, is left alone so scripts keep their order.
 */
export function yieldingPGlite(pglite: PGlite): PGlite {
  const wrapQueries = <T extends PGlite | Transaction>(target: T): T =>
    new Proxy(target, {
      get(obj, prop, receiver) {
        const value = Reflect.get(obj, prop, receiver);
        if (prop === "query") {
          return async (...args: unknown[]) => {
            await nextMacrotask();
            return (value as (...a: unknown[]) => Promise<unknown>).apply(obj, args);
          };
        }
        if (prop === "transaction" && obj === (pglite as unknown)) {
          return (callback: (tx: Transaction) => Promise<unknown>) =>
            (value as (cb: (tx: Transaction) => Promise<unknown>) => Promise<unknown>).call(obj, (tx) => callback(wrapQueries(tx)));
        }
        return typeof value === "function" ? value.bind(obj) : value;
      },
    });
  return wrapQueries(pglite);
}
