// The one Node process: Next.js pages and route handlers plus the /collab WebSocket endpoint
// on the same HTTP server, so the embedded PGlite (single-process) serves both.
import http from "node:http";
import path from "node:path";
import next from "next";
import { readServerConfig } from "./serverConfig";
import { ensureAuthSecret } from "../lib/auth/authSecret";
import { closeDatabase, getDatabase } from "../lib/db/client";
import { describeStartupError } from "./startupError";
import { applyTransportSecurity, stampRequest } from "./proxyHeaders";
import { refuseOversizedRequest } from "../lib/http/oversizedRequest";
import { applyPendingMigrations } from "../lib/db/migrations";
import { seedDatabase, seedOptionsFromEnv, DEMO_EMAIL } from "../prisma/seed/seedDatabase";
import { createCollabEndpoint } from "./collab/collabEndpoint";
import { createCollabBus } from "./collab/collabBus";

async function main() {
  process.env.NEXT_TELEMETRY_DISABLED = "1";
  const config = readServerConfig();
  ensureAuthSecret();

  const db = await getDatabase();
  const applied = await applyPendingMigrations(db);
  if (applied.length) console.log(`Database: applied ${applied.length} migration(s): ${applied.join(", ")}`);
  const seedOptions = seedOptionsFromEnv();
  const seed = await seedDatabase(db, seedOptions);
  if (seed.created) console.log("Database: seeded the sample source and its starter map.");

  const root = path.resolve(import.meta.dirname, "..");
  const app = next({ dev: config.dev, dir: root, hostname: "localhost", port: config.port });
  await app.prepare();
  const handle = app.getRequestHandler();
  const nextUpgrade = app.getUpgradeHandler();
  // Scale-out (DESIGN.md): with REDIS_URL, instances fan updates out to each other over Redis.
  const bus = createCollabBus({ url: process.env.REDIS_URL || undefined });
  const collab = createCollabEndpoint({ db, bus });

  const server = http.createServer((req, res) => {
    // Route handlers rate-limit by client address and pick Secure cookies by scheme; Next does
    // not expose the socket, so the process stamps both (TRUST_PROXY: proxyHeaders.ts).
    applyTransportSecurity(res, stampRequest(req, config.trustProxyHops).https);
    if (refuseOversizedRequest(req, res)) return;
    handle(req, res).catch((error) => {
      console.error("Request failed:", error);
      if (!res.headersSent) res.writeHead(500).end("Internal error");
    });
  });
  server.on("upgrade", (req, socket, head) => {
    stampRequest(req, config.trustProxyHops);
    if (collab.matches(req)) collab.handleUpgrade(req, socket, head);
    else nextUpgrade(req, socket, head);
  });

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(config.port, config.host, () => resolve());
  });
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : config.port;
  db.lock?.setPort(port);
  process.env.NEXTAUTH_URL ??= `http://localhost:${port}`;
  console.log(`Claimboard is ready at http://localhost:${port} (database: ${db.kind}${bus.enabled ? ", Redis scale-out" : ""}${config.dev ? ", dev mode" : ""})`);
  if (seedOptions.demo) console.log(`Demo account: ${DEMO_EMAIL} / ${seedOptions.demoPassword}`);

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`${signal}: flushing pending writes and stopping…`);
    server.close();
    await collab.shutdown();
    await bus.close();
    await app.close?.();
    await closeDatabase();
    process.exit(0);
  };
  process.on("SIGINT", () => void stop("SIGINT"));
  process.on("SIGTERM", () => void stop("SIGTERM"));
}

main().catch(async (error) => {
  const { message } = describeStartupError(error);
  console.error(`\nClaimboard cannot start: ${message}\n`);
  await closeDatabase().catch(() => {});
  process.exit(1);
});
