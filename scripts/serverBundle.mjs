// The server process runs one ES module bundled from server/index.ts and the project code it
// imports (packages stay external, loaded from node_modules as usual). Running the TypeScript
// through tsx instead cost ~90 MB of resident memory at start (measured: 355–365 MB → 250–275
// MB on PostgreSQL): tsx's loader runs on its own thread with its own V8 heap (~60 MB), and it
// turns on Node's source-map support, which reads and keeps the maps of every Next.js server
// chunk the process loads. esbuild takes ~0.2 s, so every start rebuilds rather than tracking
// staleness.
import { buildSync } from "esbuild";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

/** One level below the repository root: server/index.ts finds the app at `import.meta.dirname/..`. */
export const SERVER_BUNDLE = path.join(root, ".server-build", "index.mjs");
/** The upload parser's worker thread (lib/sources/extractSourceTextOffThread.ts loads it by this path). */
export const SOURCE_PARSER_WORKER = path.join(root, ".server-build", "sourceParserWorker.mjs");

let built = false;

/** Bundles the server and its upload parser worker (once per calling process) and returns the server bundle's path. */
export function buildServerBundle() {
  if (built) return SERVER_BUNDLE;
  bundle(path.join(root, "lib", "sources", "sourceParserWorker.ts"), SOURCE_PARSER_WORKER);
  bundle(path.join(root, "server", "index.ts"), SERVER_BUNDLE);
  built = true;
  return SERVER_BUNDLE;
}

function bundle(entry, outfile) {
  // Test workers and the e2e runner may build at the same moment: each writes its own file and
  // renames it into place, so a starting server never reads a half-written bundle.
  const partial = `${outfile}.${process.pid}.tmp`;
  buildSync({
    entryPoints: [entry],
    outfile: partial,
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    packages: "external",
    // Not minified: stack traces then point at readable lines, each file introduced by a
    // `// lib/…` comment (no source map: Node would turn map support on for every module).
    minify: false,
    logLevel: "warning",
  });
  fs.renameSync(partial, outfile);
}
