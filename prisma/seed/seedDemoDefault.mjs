// Whether the demo account (a public password that owns the demo map) is seeded. Plain .mjs so
// scripts/start.mjs can decide on the operator's environment before it forces
// NODE_ENV=production on the server it launches, and passes the answer down as SEED_DEMO.

/**
 * SEED_DEMO=true/false (or 1/0) always wins. Otherwise the demo is off when the operator runs
 * in production (NODE_ENV=production) or against their own database (DATABASE_URL), and on
 * for the embedded default (a fresh clone's `npm install && npm start`).
 * @param {Record<string, string | undefined>} env
 * @returns {boolean}
 */
export function seedDemoEnabled(env) {
  const explicit = (env.SEED_DEMO ?? "").trim().toLowerCase();
  if (explicit === "true" || explicit === "1") return true;
  if (explicit === "false" || explicit === "0") return false;
  if (explicit !== "") throw new Error(`SEED_DEMO must be "true" or "false" (got "${env.SEED_DEMO}").`);
  return !(env.NODE_ENV === "production" || (env.DATABASE_URL ?? "").trim() !== "");
}
