import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { dataRoot } from "../db/databaseConfig";

/**
 * The embedded default must run with no environment at all, so when NEXTAUTH_SECRET is
 * unset a random secret is generated once and kept under ./data/ (sessions survive restarts).
 * Deployments set their own and nothing is written.
 */
export function ensureAuthSecret(env: NodeJS.ProcessEnv = process.env): string {
  if (env.NEXTAUTH_SECRET) return env.NEXTAUTH_SECRET;
  const file = path.join(dataRoot(env), "nextauth-secret");
  let secret: string;
  if (fs.existsSync(file)) {
    secret = fs.readFileSync(file, "utf8").trim();
  } else {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    secret = crypto.randomBytes(32).toString("base64url");
    fs.writeFileSync(file, secret + "\n", { mode: 0o600 });
  }
  env.NEXTAUTH_SECRET = secret;
  return secret;
}
