import { describe, expect, it } from "vitest";
import { SignInThrottle, signInPolicyFromEnv, type SignInPolicy } from "../../../lib/auth/signInThrottle";

const policy: SignInPolicy = { freeFailures: 3, baseLockMs: 60_000, maxLockMs: 15 * 60_000, failuresPerIp: 10, ipWindowMs: 15 * 60_000, forgetAfterMs: 24 * 3600_000 };
const MIN = 60_000;

describe("SignInThrottle", () => {
  it("locks an (account, address) pair after the free failures, with a backoff that doubles up to the cap", () => {
    const t = new SignInThrottle(policy);
    for (let i = 0; i < 2; i++) t.recordFailure("a@x", "1.1.1.1", 0);
    expect(t.check("a@x", "1.1.1.1", 0)).toEqual({ allowed: true });
    t.recordFailure("a@x", "1.1.1.1", 0);
    expect(t.check("a@x", "1.1.1.1", 1000)).toEqual({ allowed: false, retryAfterMs: MIN - 1000 });
    expect(t.check("a@x", "1.1.1.1", MIN)).toEqual({ allowed: true });
    const locks: number[] = [];
    let now = MIN;
    for (let i = 0; i < 6; i++) {
      t.recordFailure("a@x", "1.1.1.1", now);
      const check = t.check("a@x", "1.1.1.1", now);
      locks.push(check.allowed ? 0 : check.retryAfterMs / MIN);
      now += 20 * MIN;
    }
    expect(locks).toEqual([2, 4, 8, 15, 15, 15]);
  });

  it("does not lock the account for its owner on another address", () => {
    const t = new SignInThrottle(policy);
    for (let i = 0; i < 5; i++) t.recordFailure("victim@x", "6.6.6.6", 0);
    expect(t.check("victim@x", "6.6.6.6", 0).allowed).toBe(false);
    expect(t.check("victim@x", "2.2.2.2", 0)).toEqual({ allowed: true });
    expect(t.check("VICTIM@x", "6.6.6.6", 0).allowed).toBe(false);
  });

  it("limits one address failing across many accounts, without touching other addresses", () => {
    const t = new SignInThrottle(policy);
    for (let i = 0; i < 10; i++) t.recordFailure(`user${i}@x`, "9.9.9.9", 0);
    expect(t.check("someone-else@x", "9.9.9.9", 0)).toEqual({ allowed: false, retryAfterMs: 15 * MIN });
    expect(t.check("someone-else@x", "8.8.8.8", 0)).toEqual({ allowed: true });
    // The address window ends.
    expect(t.check("someone-else@x", "9.9.9.9", 15 * MIN)).toEqual({ allowed: true });
  });

  it("clears a pair on success and forgets it after a quiet day", () => {
    const t = new SignInThrottle(policy);
    for (let i = 0; i < 2; i++) t.recordFailure("a@x", "1.1.1.1", 0);
    t.recordSuccess("a@x", "1.1.1.1");
    t.recordFailure("a@x", "1.1.1.1", 0);
    t.recordFailure("a@x", "1.1.1.1", 0);
    expect(t.check("a@x", "1.1.1.1", 0)).toEqual({ allowed: true });
    t.recordFailure("a@x", "1.1.1.1", 25 * 3600_000);
    expect(t.check("a@x", "1.1.1.1", 25 * 3600_000)).toEqual({ allowed: true });
  });

  it("reads its limits from the environment, with defaults", () => {
    expect(signInPolicyFromEnv({})).toMatchObject({ freeFailures: 5, failuresPerIp: 100, baseLockMs: MIN, maxLockMs: 15 * MIN });
    expect(signInPolicyFromEnv({ SIGNIN_LIMIT_PER_ACCOUNT_IP: "3", SIGNIN_LIMIT_PER_IP: "7" })).toMatchObject({ freeFailures: 3, failuresPerIp: 7 });
    expect(signInPolicyFromEnv({ SIGNIN_LIMIT_PER_IP: "nonsense" }).failuresPerIp).toBe(100);
  });
});
