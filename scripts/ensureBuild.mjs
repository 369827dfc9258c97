// Builds the Next.js app when the build is missing or older than its sources: the build
// records a hash of every input, so a fresh clone builds once and later starts are instant.
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));

const BUILD_INPUTS = ["app", "components", "lib", "public", "next.config.js", "package-lock.json", "tsconfig.json", "prisma/schema.prisma"];
const IGNORED = new Set(["node_modules", ".next", "generated", "data"]);
const isBuildDir = (name) => name.startsWith(".next");

function hashSources() {
  const hash = createHash("sha256");
  const walk = (rel) => {
    const abs = path.join(root, rel);
    if (!fs.existsSync(abs)) return;
    if (fs.statSync(abs).isDirectory()) {
      for (const name of fs.readdirSync(abs).sort()) if (!IGNORED.has(name) && !isBuildDir(name)) walk(path.join(rel, name));
    } else {
      let content = fs.readFileSync(abs);
      // `next build` adds its dist dir's type folders to tsconfig's "include"; those lines
      // are the build's own doing, not a source change.
      if (rel === "tsconfig.json") content = Buffer.from(content.toString("utf8").split("\n").filter((l) => !l.includes('".next')).join("\n"));
      hash.update(rel).update("\0").update(content).update("\0");
    }
  };
  BUILD_INPUTS.forEach(walk);
  return hash.digest("hex");
}

export function ensureBuild() {
  const distDir = path.join(root, process.env.NEXT_DIST_DIR || ".next");
  const stampFile = path.join(distDir, "claimboard-build-hash");
  const current = hashSources();
  const built =
    fs.existsSync(path.join(distDir, "BUILD_ID")) && fs.existsSync(stampFile) ? fs.readFileSync(stampFile, "utf8") : null;
  if (built === current) return;
  console.log(built ? "Sources changed since the last build: rebuilding…" : "No build found: building the app (once)…");
  const result = spawnSync(process.execPath, [path.join(root, "node_modules", "next", "dist", "bin", "next"), "build"], {
    cwd: root,
    stdio: "inherit",
    env: { ...process.env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" },
  });
  if (result.status !== 0) {
    console.error("The build failed; see the output above.");
    process.exit(result.status ?? 1);
  }
  // Hashed again after the build: `next build` may itself rewrite tsconfig.json.
  fs.writeFileSync(stampFile, hashSources());
}
