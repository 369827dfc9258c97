import { spawnSync } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { seedDemoEnabled } from "../../prisma/seed/seedDemoDefault.mjs";
import { seedOptionsFromEnv } from "../../prisma/seed/seedDatabase";

describe("the SEED_DEMO default", () => {
  it("seeds the demo for the embedded default and not in production or against an operator's database", () => {
    expect(seedDemoEnabled({})).toBe(true);
    expect(seedDemoEnabled({ NODE_ENV: "development" })).toBe(true);
    expect(seedDemoEnabled({ DATABASE_URL: "" })).toBe(true);
    expect(seedDemoEnabled({ NODE_ENV: "production" })).toBe(false);
    expect(seedDemoEnabled({ DATABASE_URL: "postgresql://db/claimboard" })).toBe(false);
    expect(seedDemoEnabled({ NODE_ENV: "production", DATABASE_URL: "postgresql://db/claimboard" })).toBe(false);
  });

  it("lets an explicit SEED_DEMO win either way", () => {
    expect(seedDemoEnabled({ SEED_DEMO: "true", NODE_ENV: "production", DATABASE_URL: "postgresql://db/x" })).toBe(true);
    expect(seedDemoEnabled({ SEED_DEMO: "1", NODE_ENV: "production" })).toBe(true);
    expect(seedDemoEnabled({ SEED_DEMO: "false" })).toBe(false);
    expect(seedDemoEnabled({ SEED_DEMO: " FALSE " })).toBe(false);
    expect(seedDemoEnabled({ SEED_DEMO: "0" })).toBe(false);
    expect(() => seedDemoEnabled({ SEED_DEMO: "yes" })).toThrow(/SEED_DEMO must be "true" or "false"/);
  });

  it("is what the server's seed options use", () => {
    expect(seedOptionsFromEnv({ NODE_ENV: "production" } as NodeJS.ProcessEnv).demo).toBe(false);
    expect(seedOptionsFromEnv({ NODE_ENV: "test" } as NodeJS.ProcessEnv).demo).toBe(true);
    expect(seedOptionsFromEnv({ NODE_ENV: "production", SEED_DEMO: "true" } as NodeJS.ProcessEnv)).toEqual({ demo: true, demoPassword: "demo-password" });
  });

  // `npm start` forces NODE_ENV=production on the server; the decision is the operator's env's.
  it("is decided by npm start on the operator's environment and handed to the server", () => {
    const startScript = path.resolve("scripts", "start.mjs");
    const probe = (env: Record<string, string>) => {
      // Runs start.mjs's child-env line without building or starting anything: the script is
      // loaded with child_process.spawn replaced by a recorder.
      const code = `
        import cp from "node:child_process";
        import { syncBuiltinESMExports } from "node:module";
        cp.spawn = (_cmd, _args, opts) => { console.log(JSON.stringify({ SEED_DEMO: opts.env.SEED_DEMO, NODE_ENV: opts.env.NODE_ENV })); process.exit(0); };
        syncBuiltinESMExports();
        process.argv.push("--dev");
        await import(${JSON.stringify(startScript)});
      `;
      const out = spawnSync(process.execPath, ["--input-type=module", "-e", code], { env: { PATH: process.env.PATH ?? "", ...env } as unknown as NodeJS.ProcessEnv, encoding: "utf8" });
      if (out.status !== 0) throw new Error(out.stderr);
      return JSON.parse(out.stdout.trim().split("\n").pop()!) as { SEED_DEMO: string; NODE_ENV: string };
    };
    expect(probe({})).toEqual({ SEED_DEMO: "true", NODE_ENV: "development" });
    expect(probe({ NODE_ENV: "production" }).SEED_DEMO).toBe("false");
    expect(probe({ DATABASE_URL: "postgresql://db/x", SEED_DEMO: "true" }).SEED_DEMO).toBe("true");
  }, 60_000);
});
