import { types, type PGlite, type Transaction } from "@electric-sql/pglite";

const nextMacrotask = () => new Promise<void>((resolve) => setImmediate(resolve));

/** bytea arrives as "\x0a1b…"; Buffer's native hex decoder instead of a per-byte parseInt. */
const parseBytea = (text: string) => {
  const bytes = Buffer.from(text.slice(2), "hex");
  return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
};

/** ...and encoded natively on the way in (PGlite's own encoder: 5.4 s for 16 MB, this: 0.7 s). */
const serializeBytea = (bytes: Uint8Array) => "\\x" + Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("hex");

type QueryOptions = {
  parsers?: Record<number, (value: string, typeId: number) => unknown>;
  serializers?: Record<number, (value: never) => string>;
} & Record<string, unknown>;

/**
 * The PGlite handle the Prisma adapter gets, with two changes to its `query`, both because
 * PGlite runs inside this process, on the event loop the sockets need:
 *
 * - Each statement first waits for the next macrotask. PGlite resolves queries in
 *   microtasks, so queued statements of many rooms ran back to back without the loop ever
 *   reaching the sockets (measured under 500 busy maps: 30–290 ms stalls made of nothing but
 *   queries; with this, the longest stall is one statement).
 * - bytea is decoded and encoded natively. The adapter's decoder calls parseInt per byte
 *   (loading a 16 MB map took 19 s, nearly all of it there) and PGlite's encoder is a JS
 *   loop too (5.4 s to write that map's snapshot, with the loop blocked throughout).
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
            const tuned: QueryOptions = {
              ...options,
              parsers: { ...options?.parsers, [types.BYTEA]: parseBytea },
              serializers: { ...options?.serializers, [types.BYTEA]: serializeBytea },
            };
            return (value as (...a: unknown[]) => Promise<unknown>).call(obj, sql, params, tuned);
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
