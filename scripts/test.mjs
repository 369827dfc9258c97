// `npm test`: every test. Builds the app if needed (integration and e2e tests run the real
// production server), then Vitest (unit + integration), then Playwright e2e in Chromium, and
// ends with one plain summary line counting both.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
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

const results = path.join(root, "test-results");
fs.mkdirSync(results, { recursive: true });
const vitestJson = path.join(results, "vitest.json");
const playwrightJson = path.join(results, "playwright.json");
fs.rmSync(vitestJson, { force: true });
fs.rmSync(playwrightJson, { force: true });

const bin = (pkg, file) => path.join(root, "node_modules", pkg, file);
const steps = [
  ["vitest (unit + integration)", [bin("vitest", "vitest.mjs"), "run", "--reporter=default", "--reporter=json", `--outputFile.json=${vitestJson}`], {}],
  ["playwright (e2e)", [bin("@playwright/test", "cli.js"), "test"], { PLAYWRIGHT_JSON_OUTPUT_FILE: playwrightJson }],
];
let failedSteps = 0;
for (const [name, args, env] of steps) {
  console.log(`\n=== ${name} ===`);
  const result = spawnSync(process.execPath, args, { cwd: root, stdio: "inherit", env: { ...process.env, ...env } });
  if (result.status !== 0) {
    failedSteps++;
    console.error(`\n${name} failed (exit ${result.status ?? result.signal}).`);
  }
}

const count = { passed: 0, failed: 0, skipped: 0 };
try {
  const v = JSON.parse(fs.readFileSync(vitestJson, "utf8"));
  count.passed += v.numPassedTests;
  count.failed += v.numFailedTests;
  count.skipped += v.numPendingTests + (v.numTodoTests ?? 0);
} catch {
  console.error("no Vitest results were written");
}
try {
  const p = JSON.parse(fs.readFileSync(playwrightJson, "utf8")).stats;
  count.passed += p.expected + p.flaky;
  count.failed += p.unexpected;
  count.skipped += p.skipped;
} catch {
  console.error("no Playwright results were written");
}
if (failedSteps && count.failed === 0) count.failed = failedSteps;
console.log(`\ntests: ${count.passed} passed, ${count.failed} failed, ${count.skipped} skipped`);
process.exit(failedSteps ? 1 : 0);
