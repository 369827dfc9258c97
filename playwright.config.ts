import { defineConfig } from "@playwright/test";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { SERVER_PROCESS_ENV, serverCommandArgs } from "./scripts/serverCommand.mjs";

const port = Number(process.env.E2E_PORT ?? 3123);
// Per port, so parallel runs on one machine (different E2E_PORT) never share a database.
const dataDir = path.join(os.tmpdir(), `claimboard-e2e-data-${port}`);
// The config is loaded by the runner and by each worker; only the runner starts from empty.
if (!process.env.TEST_WORKER_INDEX) fs.rmSync(dataDir, { recursive: true, force: true });

export default defineConfig({
  testDir: "tests/e2e",
  outputDir: "test-results/e2e",
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [["list"], ["json", { outputFile: process.env.PLAYWRIGHT_JSON_OUTPUT_FILE ?? "test-results/playwright.json" }]],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    screenshot: "only-on-failure",
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH || "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    },
  },
  webServer: {
    // The same command npm start runs (scripts/serverCommand.mjs), quoted for the shell.
    command: [process.execPath, ...serverCommandArgs()].map((arg) => JSON.stringify(arg)).join(" "),
    url: `http://127.0.0.1:${port}/api/health`,
    reuseExistingServer: false,
    timeout: 120_000,
    stdout: "pipe",
    env: {
      ...SERVER_PROCESS_ENV,
      NODE_ENV: "production",
      // NODE_ENV=production turns the demo account off by default; the specs sign in with it.
      SEED_DEMO: "true",
      // Every spec signs up its own users from this one address: more than the default 20 an
      // hour (the limiter itself is tested in tests/integration/hardening.test.ts).
      SIGNUP_LIMIT_PER_IP: "500",
      NEXT_TELEMETRY_DISABLED: "1",
      PORT: String(port),
      HOST: "127.0.0.1",
      CLAIMBOARD_DATA_DIR: dataDir,
      DATABASE_URL: "",
    },
  },
});
