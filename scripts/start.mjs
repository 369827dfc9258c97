// `npm start`: build the app if the build is missing or stale, then run the one server
// process (Next.js + /collab WebSocket) as scripts/serverCommand.mjs launches it (no CLI wrapper,
// so signals reach the server itself and a graceful stop can flush). `npm run dev` passes --dev (Next dev mode).
import { spawn } from "node:child_process";
import { ensureBuild, root } from "./ensureBuild.mjs";
import { SERVER_PROCESS_ENV, serverCommandArgs } from "./serverCommand.mjs";
import { seedDemoEnabled } from "../prisma/seed/seedDemoDefault.mjs";

const dev = process.argv.includes("--dev");
let seedDemo;
try {
  seedDemo = String(seedDemoEnabled(process.env));
} catch (error) {
  console.error(`\nClaimboard cannot start: ${error.message}\n`);
  process.exit(1);
}
process.env.NEXT_TELEMETRY_DISABLED = "1";
if (!dev) ensureBuild();

const child = spawn(process.execPath, serverCommandArgs(), {
  cwd: root,
  stdio: "inherit",
  // The demo-account default is decided on the operator's environment, before NODE_ENV is forced.
  env: { ...SERVER_PROCESS_ENV, ...process.env, SEED_DEMO: seedDemo, NODE_ENV: dev ? "development" : "production" },
});
// Forward stop signals so the server can flush pending writes before it exits.
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => child.kill(signal));
child.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
