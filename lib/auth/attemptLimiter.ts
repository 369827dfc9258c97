import { SignInThrottle, signInPolicyFromEnv } from "./signInThrottle";

/**
 * Fixed-window attempt counters (sign-ups per IP; sign-ins use signInThrottle.ts). In memory:
 * each instance limits on its own, which bounds guessing to N × instances per window —
 * acceptable for a credentials login; a shared store can replace this map later.
 */
export class AttemptLimiter {
  private windows = new Map<string, { count: number; resetAt: number }>();
  constructor(
    readonly limit: number,
    readonly windowMs: number,
  ) {}

  /** Counts one attempt; false when the key is over its limit for the current window. */
  hit(key: string, now = Date.now()): boolean {
    const entry = this.windows.get(key);
    if (!entry || entry.resetAt <= now) {
      this.windows.set(key, { count: 1, resetAt: now + this.windowMs });
      if (this.windows.size > 50_000) this.prune(now);
      return true;
    }
    entry.count++;
    return entry.count <= this.limit;
  }

  /** True when the key has used up its attempts in the current window (counts nothing). */
  blocked(key: string, now = Date.now()): boolean {
    const entry = this.windows.get(key);
    return !!entry && entry.resetAt > now && entry.count >= this.limit;
  }

  reset(key: string): void {
    this.windows.delete(key);
  }

  retryAfterSeconds(key: string, now = Date.now()): number {
    const entry = this.windows.get(key);
    return entry ? Math.max(1, Math.ceil((entry.resetAt - now) / 1000)) : 0;
  }

  private prune(now: number): void {
    for (const [key, entry] of this.windows) if (entry.resetAt <= now) this.windows.delete(key);
  }
}

const env = process.env;
interface Limiters {
  signIn: SignInThrottle;
  signUpPerIp: AttemptLimiter;
}
const holder = globalThis as typeof globalThis & { __claimboardLimiters?: Limiters };
// On globalThis for the same reason as the database: Next's bundle and the server load this twice.
holder.__claimboardLimiters ??= {
  signIn: new SignInThrottle(signInPolicyFromEnv(env)),
  signUpPerIp: new AttemptLimiter(Number(env.SIGNUP_LIMIT_PER_IP ?? 20), 60 * 60_000),
};
export const limiters = holder.__claimboardLimiters;

/** The client address the server process stamped on the request (never a client-sent header). */
export { CLIENT_IP_HEADER } from "../http/forwardedRequest";
