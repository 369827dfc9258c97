import { describe, expect, it } from "vitest";
import { AttemptLimiter } from "../../lib/auth/attemptLimiter";

describe("AttemptLimiter", () => {
  it("allows the limit per window, then blocks until the window ends", () => {
    const limiter = new AttemptLimiter(3, 1000);
    expect([1, 2, 3].map(() => limiter.hit("a", 0))).toEqual([true, true, true]);
    expect(limiter.blocked("a", 10)).toBe(true);
    expect(limiter.hit("a", 10)).toBe(false);
    expect(limiter.blocked("b", 10)).toBe(false);
    expect(limiter.retryAfterSeconds("a", 10)).toBe(1);
    expect(limiter.blocked("a", 1000)).toBe(false);
    expect(limiter.hit("a", 1000)).toBe(true);
  });

  it("forgets a key on reset", () => {
    const limiter = new AttemptLimiter(1, 1000);
    limiter.hit("a", 0);
    expect(limiter.blocked("a", 0)).toBe(true);
    limiter.reset("a");
    expect(limiter.blocked("a", 0)).toBe(false);
  });
});
