import fs from "node:fs";
import path from "node:path";
import { Worker } from "node:worker_threads";
import type { Extraction } from "./extractSourceText";
import { MAX_CONCURRENT_PARSES, MAX_WAITING_PARSES, PARSER_HEAP_MB, PARSE_TIMEOUT_MS } from "./sourceLimits";

/**
 * The worker script, bundled with the server (scripts/serverBundle.mjs) and found, like the
 * migrations, relative to the working directory (every launcher runs in the repository root).
 * A plain file loaded by path works the same from Next's build and from the server bundle.
 */
const WORKER_SCRIPT = path.resolve(/*turbopackIgnore: true*/ ".server-build", "sourceParserWorker.mjs");

let running = 0;
const waiting: (() => void)[] = [];

/**
 * extractSourceText on a worker thread of its own, so that parsing a file (htmlparser2, pdf.js:
 * synchronous, and superlinear on hostile input) never blocks the event loop. The worker has a
 * capped heap, is terminated after PARSE_TIMEOUT_MS, and at most MAX_CONCURRENT_PARSES run at
 * once (so many uploads cannot add up to the process's memory); a few more wait, the rest get 503.
 */
export async function extractSourceTextOffThread(file: { name: string; type: string; bytes: Uint8Array }): Promise<Extraction> {
  if (running >= MAX_CONCURRENT_PARSES) {
    if (waiting.length >= MAX_WAITING_PARSES) return { ok: false, status: 503, error: "The server is reading too many uploads at once; try again in a minute." };
    await new Promise<void>((resolve) => waiting.push(resolve));
  }
  running++;
  try {
    return await parseOnWorker(file);
  } finally {
    running--;
    waiting.shift()?.();
  }
}

function parseOnWorker(file: { name: string; type: string; bytes: Uint8Array }): Promise<Extraction> {
  if (!fs.existsSync(WORKER_SCRIPT)) throw new Error(`The upload parser ${WORKER_SCRIPT} is missing: start the server with \`npm start\`, which builds it.`);
  // A copy of its own, moved to the worker rather than cloned.
  const bytes = new Uint8Array(file.bytes);
  return new Promise<Extraction>((resolve, reject) => {
    const worker = new Worker(WORKER_SCRIPT, {
      workerData: { name: file.name, type: file.type, bytes },
      transferList: [bytes.buffer],
      resourceLimits: { maxOldGenerationSizeMb: PARSER_HEAP_MB, maxYoungGenerationSizeMb: 16 },
      // The server's V8 flags are per process; a worker accepts none of them.
      execArgv: [],
      stdout: false,
      stderr: false,
    });
    let settled = false;
    const settle = (outcome: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      void worker.terminate();
      outcome();
    };
    const timer = setTimeout(
      () => settle(() => resolve({ ok: false, status: 413, error: `Reading “${file.name}” took longer than ${PARSE_TIMEOUT_MS / 1000} seconds, the limit for one upload; paste its text instead.` })),
      PARSE_TIMEOUT_MS,
    );
    worker.once("message", (result: Extraction) => settle(() => resolve(result)));
    worker.once("error", (error: Error & { code?: string }) =>
      settle(() =>
        error.code === "ERR_WORKER_OUT_OF_MEMORY"
          ? resolve({ ok: false, status: 413, error: `Reading “${file.name}” needs more than the ${PARSER_HEAP_MB} MB of memory one upload may use; paste its text instead.` })
          : reject(error),
      ),
    );
    worker.once("exit", (code) => settle(() => reject(new Error(`The upload parser stopped (exit code ${code}) before it answered.`))));
  });
}
