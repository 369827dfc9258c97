/**
 * Caps the bytes this thread's PDF parser may decode, which V8's heap limit does not cover
 * (typed arrays live outside the heap: a worker with a 64 MB heap grew a 2 GB Uint8Array
 * undisturbed). pdf.js inflates a stream either with the native DecompressionStream (keeping
 * every chunk until the end, then copying them into one Uint8Array) or, failing that, with its
 * own decoders, whose Uint8Array buffers double as they fill. Both are counted here: the global
 * Uint8Array is swapped for a subclass that counts each allocation (views over an existing
 * buffer cost nothing), and DecompressionStream for one that counts its output; past
 * `maxBytes` each throws (or errors the stream) and `exceeded` stays set. Install it only on a
 * thread of its own (the upload parser's worker): it changes globals.
 */
export function installDecodeBudget(maxBytes: number): { readonly exceeded: boolean; readonly countedBytes: number } {
  const state = { exceeded: false, countedBytes: 0 };
  /** Counts `bytes`; false (and `exceeded` set) once the total passes the budget. */
  const take = (bytes: number): boolean => {
    state.countedBytes += bytes;
    if (state.countedBytes > maxBytes) state.exceeded = true;
    return !state.exceeded;
  };
  const overBudget = () => new RangeError(`decode budget of ${maxBytes} bytes exceeded`);

  const OriginalUint8Array = globalThis.Uint8Array;
  const bytesOf = (source: unknown): number => {
    if (typeof source === "number") return source;
    if (source instanceof ArrayBuffer || (typeof SharedArrayBuffer !== "undefined" && source instanceof SharedArrayBuffer)) return 0;
    const length = (source as { length?: unknown } | null)?.length;
    return typeof length === "number" ? length : 0;
  };
  class CountedUint8Array extends OriginalUint8Array {
    constructor(...args: unknown[]) {
      if (!take(bytesOf(args[0]))) throw overBudget();
      super(...(args as [number]));
    }
    // Arrays made before the swap (Buffers, transferred data) still pass `instanceof Uint8Array`.
    static [Symbol.hasInstance](value: unknown): boolean {
      return value instanceof OriginalUint8Array;
    }
  }
  globalThis.Uint8Array = CountedUint8Array as unknown as Uint8ArrayConstructor;

  const NativeDecompressionStream = globalThis.DecompressionStream;
  if (NativeDecompressionStream) {
    class CountedDecompressionStream {
      readonly writable: WritableStream<BufferSource>;
      readonly readable: ReadableStream<Uint8Array>;
      constructor(format: CompressionFormat) {
        const native = new NativeDecompressionStream(format);
        this.writable = native.writable;
        // Erroring the counter cancels the native stream: inflating stops there.
        this.readable = native.readable.pipeThrough(
          new TransformStream<Uint8Array, Uint8Array>({
            transform(chunk, controller) {
              if (take(chunk.byteLength)) controller.enqueue(chunk);
              else controller.error(overBudget());
            },
          }),
        );
      }
    }
    globalThis.DecompressionStream = CountedDecompressionStream as unknown as typeof DecompressionStream;
  }
  return state;
}
