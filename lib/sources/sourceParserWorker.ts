// The upload parser's worker thread (started by extractSourceTextOffThread.ts, bundled to
// .server-build/sourceParserWorker.mjs by scripts/serverBundle.mjs): extracts one file's text
// and posts the Extraction back. Its heap is capped by the Worker's resourceLimits, its typed
// arrays and inflated streams by the budget below, its time by the caller's timeout.
import { parentPort, workerData } from "node:worker_threads";
import { installDecodeBudget } from "./decodeBudget";
import { extractSourceText, type Extraction } from "./extractSourceText";
import { MAX_PDF_DECODED_BYTES, megabytes } from "./sourceLimits";

const budget = installDecodeBudget(MAX_PDF_DECODED_BYTES);
const file = workerData as { name: string; type: string; bytes: Uint8Array };

const overBudget = (): Extraction => ({
  ok: false,
  status: 413,
  error: `The content of “${file.name}” decompresses to more than ${megabytes(MAX_PDF_DECODED_BYTES)}, the limit for one upload.`,
});

let result: Extraction;
try {
  result = await extractSourceText(file);
} catch (error) {
  if (!budget.exceeded) throw error;
  result = overBudget();
}
// pdf.js may swallow an error inside one content stream and go on: the flag still tells.
if (budget.exceeded) result = overBudget();
parentPort!.postMessage(result);
