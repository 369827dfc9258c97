import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freshDatabase, type TestDatabase } from "../support/testDatabases";
import { startServer, type ServerProcess } from "../support/serverProcess";
import { HttpSession } from "../support/httpSession";

describe("hardening", () => {
  let db: TestDatabase;
  let server: ServerProcess;

  beforeAll(async () => {
    db = await freshDatabase("pglite");
    server = await startServer({ ...db.env, SIGNIN_LIMIT_PER_ACCOUNT_IP: "3", SIGNUP_LIMIT_PER_IP: "4" });
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

  it("ignores a client-sent X-Forwarded-Host in the origin check and X-Forwarded-Proto for cookies", async () => {
    // Signed out, a same-origin POST to /api/maps gets 401; a cross-origin one 403 before anything else.
    const forged = await fetch(`${server.url}/api/maps`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: "http://evil.example", "x-forwarded-host": "evil.example" },
      body: "{}",
    });
    expect(forged.status).toBe(403);

    const csrf = await fetch(`${server.url}/api/auth/csrf`, { headers: { "x-forwarded-proto": "https" } });
    expect(csrf.headers.get("strict-transport-security")).toBeNull();
    expect(csrf.headers.getSetCookie().join("\n")).not.toMatch(/;\s*secure/i);
  });

  it("limits sign-ups per address and failed sign-ins per account and address", async () => {
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

/** A credentials sign-in through next-auth's real route: whether it worked, and whether the limiter refused it. */
async function attemptSignIn(session: HttpSession, email: string, password: string): Promise<"signed-in" | "refused" | "too-many"> {
  const csrf = (await (await session.fetch("/api/auth/csrf")).json()) as { csrfToken: string };
  const res = await session.fetch("/api/auth/callback/credentials", {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ csrfToken: csrf.csrfToken, email, password, json: "true" }).toString(),
  });
  const answer = decodeURIComponent(res.headers.get("location") ?? (await res.text()));
  if (answer.includes("Too many sign-in attempts")) return "too-many";
  return res.headers.getSetCookie().some((c) => /next-auth\.session-token=[^;]/.test(c)) ? "signed-in" : "refused";
}

describe("behind a TLS proxy (TRUST_PROXY=1)", () => {
  let db: TestDatabase;
  let server: ServerProcess;
  const from = (ip: string) => new HttpSession(server.url, { "x-forwarded-for": `198.51.100.7, ${ip}`, "x-forwarded-proto": "https" });

  beforeAll(async () => {
    db = await freshDatabase("pglite");
    server = await startServer({ ...db.env, TRUST_PROXY: "1", SIGNIN_LIMIT_PER_ACCOUNT_IP: "3", SIGNIN_LIMIT_PER_IP: "6" });
  });
  afterAll(async () => {
    await server?.stop();
    await db?.drop();
  });

  it("marks cookies Secure and sends HSTS when the proxy says https, and trusts its X-Forwarded-Host", async () => {
    const s = from("10.1.0.1");
    expect((await s.signUp("secure@example.com", "long enough pw")).status).toBe(201);
    const csrf = (await (await s.fetch("/api/auth/csrf")).json()) as { csrfToken: string };
    const res = await s.fetch("/api/auth/callback/credentials", {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ csrfToken: csrf.csrfToken, email: "secure@example.com", password: "long enough pw", json: "true" }).toString(),
    });
    const session = res.headers.getSetCookie().find((c) => c.includes("next-auth.session-token="));
    expect(session).toMatch(/;\s*secure/i);
    expect(res.headers.get("strict-transport-security")).toMatch(/max-age=\d+/);
    expect((await s.fetch("/api/profile")).status).toBe(200);
    expect((await fetch(`${server.url}/signin`, { headers: { "x-forwarded-proto": "https" } })).headers.get("strict-transport-security")).toMatch(/max-age/);
    // Plain http through the proxy: no HSTS.
    expect((await fetch(`${server.url}/signin`, { headers: { "x-forwarded-proto": "http" } })).headers.get("strict-transport-security")).toBeNull();

    // The public host the proxy forwards is the one browsers' Origin names.
    const viaProxy = await s.fetch("/api/profile", {
      method: "PATCH",
      headers: { "content-type": "application/json", origin: "https://claims.example.org", "x-forwarded-host": "claims.example.org" },
      body: JSON.stringify({ name: "Behind the proxy" }),
    });
    expect(viaProxy.status).toBe(200);
  });

  it("locks one (account, address) pair with backoff without locking the account elsewhere, and limits an address guessing many accounts", async () => {
    expect((await from("10.2.0.1").signUp("victim@example.com", "victim password")).status).toBe(201);
    const attacker = from("10.2.0.66");
    for (let i = 0; i < 3; i++) expect(await attemptSignIn(attacker, "victim@example.com", "wrong guess")).toBe("refused");
    // The attacker's address is now locked out of this account, even with the right password…
    expect(await attemptSignIn(attacker, "victim@example.com", "victim password")).toBe("too-many");
    // …while the owner signs in from anywhere else.
    expect(await attemptSignIn(from("10.2.0.2"), "victim@example.com", "victim password")).toBe("signed-in");

    // One address trying many accounts (unknown ones included) is limited as a whole.
    const sprayer = from("10.3.0.9");
    const outcomes: string[] = [];
    for (let i = 0; i < 6; i++) outcomes.push(await attemptSignIn(sprayer, `nobody${i}@example.com`, "guess"));
    expect(outcomes).toEqual(Array(6).fill("refused"));
    expect(await attemptSignIn(sprayer, "victim@example.com", "victim password")).toBe("too-many");
    expect(await attemptSignIn(from("10.3.0.10"), "victim@example.com", "victim password")).toBe("signed-in");
  });
});
