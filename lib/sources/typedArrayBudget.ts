/**
 * Caps the bytes this thread may allocate as Uint8Arrays, which V8's heap limit does not cover
 * (their memory lives outside the heap): a worker with a 64 MB heap grew a 2 GB Uint8Array
 * undisturbed. pdf.js decodes every stream filter (Flate, LZW, RunLength, …) into a
 * Uint8Array that doubles as it fills, so counting each allocation bounds a decompression
 * bomb: the global constructor is swapped for a subclass that counts, and throws once the
 * total passes `maxBytes`. Views over an existing buffer cost nothing and are not counted.
 * Install it only on a thread of its own (the upload parser's worker): it changes a global.
 */
export function installTypedArrayBudget(maxBytes: number): { readonly exceeded: boolean; readonly allocatedBytes: number } {
  const Original = globalThis.Uint8Array;
  const state = { exceeded: false, allocatedBytes: 0 };
  const bytesOf = (source: unknown): number => {
    if (typeof source === "number") return source;
    if (source instanceof ArrayBuffer || (typeof SharedArrayBuffer !== "undefined" && source instanceof SharedArrayBuffer)) return 0;
    const length = (source as { length?: unknown } | null)?.length;
    return typeof length === "number" ? length : 0;
  };
  class CountedUint8Array extends Original {
    constructor(...args: unknown[]) {
      state.allocatedBytes += bytesOf(args[0]);
      if (state.allocatedBytes > maxBytes) {
        state.exceeded = true;
        throw new RangeError(`allocation budget of ${maxBytes} bytes exceeded`);
      }
      super(...(args as [number]));
    }
    // Arrays made before the swap (Buffers, transferred data) still pass `instanceof Uint8Array`.
    static [Symbol.hasInstance](value: unknown): boolean {
      return value instanceof Original;
    }
  }
  globalThis.Uint8Array = CountedUint8Array as unknown as Uint8ArrayConstructor;
  return state;
}
