import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freshDatabase, type TestDatabase } from "../support/testDatabases";
import { startServer, type ServerProcess } from "../support/serverProcess";
import { HttpSession } from "../support/httpSession";

describe("hardening", () => {
  let db: TestDatabase;
  let server: ServerProcess;

  beforeAll(async () => {
    db = await freshDatabase("pglite");
    server = await startServer({ ...db.env, SIGNIN_LIMIT_PER_ACCOUNT: "3", SIGNUP_LIMIT_PER_IP: "4" });
  });
  afterAll(async () => {
    await server?.stop();
    await db?.drop();
  });

  it("sends security headers: a CSP without unsafe-eval that forbids framing", async () => {
    const res = await fetch(`${server.url}/signin`);
    const csp = res.headers.get("content-security-policy") ?? "";
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("default-src 'self'");
    expect(csp).not.toContain("unsafe-eval");
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    expect(res.headers.get("referrer-policy")).toBe("strict-origin-when-cross-origin");
  });

  it("refuses state-changing requests from another origin", async () => {
    const post = (origin?: string) =>
      fetch(`${server.url}/api/signup`, {
        method: "POST",
        headers: { "content-type": "application/json", ...(origin ? { origin } : {}) },
        body: JSON.stringify({ email: `x${Math.random()}@example.com`, password: "long enough pw" }),
      });
    expect((await post("http://evil.example")).status).toBe(403);
    expect((await post(server.url)).status).toBe(201);
  });

  it("limits sign-ups per address and failed sign-ins per account", async () => {
    // One sign-up above already used one of the four.
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) {
      const res = await new HttpSession(server.url).signUp(`limit${i}@example.com`, "long enough pw");
      statuses.push(res.status);
    }
    expect(statuses).toEqual([201, 201, 201, 429]);

    const s = new HttpSession(server.url);
    for (let i = 0; i < 3; i++) expect(await s.signIn("limit0@example.com", "wrong password")).toBe(false);
    // Over the limit even the right password is refused, with a message saying why.
    const csrf = (await (await s.fetch("/api/auth/csrf")).json()) as { csrfToken: string };
    const res = await s.fetch("/api/auth/callback/credentials", {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ csrfToken: csrf.csrfToken, email: "limit0@example.com", password: "long enough pw", json: "true" }).toString(),
    });
    expect(decodeURIComponent(res.headers.get("location") ?? (await res.text()))).toContain("Too many sign-in attempts");
    // Another account is unaffected.
    expect(await new HttpSession(server.url).signIn("limit1@example.com", "long enough pw")).toBe(true);
  });
});
