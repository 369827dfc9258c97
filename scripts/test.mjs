// `npm test`: every test. Builds the app if needed (integration and e2e tests run the real
// production server), then Vitest (unit + integration), then Playwright e2e in Chromium.
import { spawnSync } from "node:child_process";
import path from "node:path";
import { ensureBuild, root } from "./ensureBuild.mjs";

process.env.NEXT_TELEMETRY_DISABLED = "1";
for (const [name, what] of [
  ["TEST_DATABASE_URL", "PostgreSQL integration tests"],
  ["REDIS_URL", "Redis integration tests"],
]) {
  if (!process.env[name]) console.log(`note: ${name} is not set, so the ${what} will be skipped.`);
}
ensureBuild();

const bin = (pkg, file) => path.join(root, "node_modules", pkg, file);
const steps = [
  ["vitest (unit + integration)", [bin("vitest", "vitest.mjs"), "run"]],
  ["playwright (e2e)", [bin("@playwright/test", "cli.js"), "test"]],
];
let failed = 0;
for (const [name, args] of steps) {
  console.log(`\n=== ${name} ===`);
  const result = spawnSync(process.execPath, args, { cwd: root, stdio: "inherit", env: process.env });
  if (result.status !== 0) {
    failed++;
    console.error(`\n${name} failed (exit ${result.status ?? result.signal}).`);
  }
}
process.exit(failed ? 1 : 0);
