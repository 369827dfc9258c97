import { types, type PGlite, type Transaction } from "@electric-sql/pglite";

const nextMacrotask = () => new Promise<void>((resolve) => setImmediate(resolve));

/** bytea arrives as "\x0a1b…"; Buffer's native hex decoder instead of a per-byte parseInt. */
const parseBytea = (text: string) => {
  const bytes = Buffer.from(text.slice(2), "hex");
  return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
};

type QueryOptions = { parsers?: Record<number, (value: string, typeId: number) => unknown> } & Record<string, unknown>;

/**
 * The PGlite handle the Prisma adapter gets, with two changes to its `query`, both because
 * PGlite runs inside this process, on the event loop the sockets need:
 *
 * - Each statement first waits for the next macrotask. PGlite resolves queries in
 *   microtasks, so queued statements of many rooms ran back to back without the loop ever
 *   reaching the sockets (measured under 500 busy maps: 30–290 ms stalls made of nothing but
 *   queries; with this, the longest stall is one statement).
 * - bytea results are decoded natively. The adapter's decoder calls parseInt per byte:
 *   loading a 16 MB map took 19 s, nearly all of it there.
 *
 * Only `query` (what the adapter runs statements with) changes; `exec`, which the adapter
 * calls without awaiting for migration scripts, is left alone so scripts keep their order.
 */
export function pgliteForPrisma(pglite: PGlite): PGlite {
  const wrapQueries = <T extends PGlite | Transaction>(target: T): T =>
    new Proxy(target, {
      get(obj, prop, receiver) {
        const value = Reflect.get(obj, prop, receiver);
        if (prop === "query") {
          return async (sql: string, params?: unknown[], options?: QueryOptions) => {
            await nextMacrotask();
            const parsers = options?.parsers ? { ...options.parsers, [types.BYTEA]: parseBytea } : undefined;
            return (value as (...a: unknown[]) => Promise<unknown>).call(obj, sql, params, parsers ? { ...options, parsers } : options);
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
