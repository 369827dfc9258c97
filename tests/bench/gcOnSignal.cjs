// Preloaded into both servers under test (node --expose-gc --require): SIGUSR2 runs a full
// garbage collection and prints the live memory, so the idle-memory phase compares what the
// maps keep alive rather than when V8 last happened to collect (measured: RSS deltas swung
// by 100 MB with GC timing alone).
if (typeof global.gc === "function") {
  process.on("SIGUSR2", () => {
    global.gc();
    global.gc();
    const m = process.memoryUsage();
    process.stderr.write(`bench-gc ${JSON.stringify({ heapUsed: m.heapUsed, external: m.external, rss: m.rss })}\n`);
  });
}
