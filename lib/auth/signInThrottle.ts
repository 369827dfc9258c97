/**
 * Failed password sign-ins, limited so that guessing is slow without letting anyone lock an
 * account for its owner:
 * - per (account, address): `freeFailures` failures, then each further failure locks that pair
 *   for a backoff that doubles from `baseLockMs` up to `maxLockMs`. The owner on another address
 *   is unaffected; a success on the pair clears it.
 * - per address: `failuresPerIp` failures in `ipWindowMs` across all accounts, then that address
 *   may not try any account until the window ends (one address spraying many accounts). Other
 *   addresses, and so the accounts' owners, are unaffected.
 * In memory per instance (on globalThis, see attemptLimiter.ts): with two instances an attacker
 * gets at most twice the attempts.
 */
export interface SignInPolicy {
  freeFailures: number;
  baseLockMs: number;
  maxLockMs: number;
  failuresPerIp: number;
  ipWindowMs: number;
  /** A pair with no failure for this long is forgotten. */
  forgetAfterMs: number;
}

export type SignInCheck = { allowed: true } | { allowed: false; retryAfterMs: number };

interface PairState {
  failures: number;
  lockedUntil: number;
  lastFailureAt: number;
}

interface IpWindow {
  failures: number;
  resetAt: number;
}

const MAX_ENTRIES = 100_000;

export class SignInThrottle {
  private pairs = new Map<string, PairState>();
  private ips = new Map<string, IpWindow>();

  constructor(readonly policy: SignInPolicy) {}

  check(account: string, ip: string, now = Date.now()): SignInCheck {
    const window = this.ips.get(ip);
    const ipBlockedUntil = window && window.resetAt > now && window.failures >= this.policy.failuresPerIp ? window.resetAt : 0;
    const pair = this.pairs.get(pairKey(account, ip));
    const pairBlockedUntil = pair && pair.lockedUntil > now ? pair.lockedUntil : 0;
    const until = Math.max(ipBlockedUntil, pairBlockedUntil);
    return until > now ? { allowed: false, retryAfterMs: until - now } : { allowed: true };
  }

  recordFailure(account: string, ip: string, now = Date.now()): void {
    const key = pairKey(account, ip);
    const pair = this.pairs.get(key);
    const state = pair && now - pair.lastFailureAt < this.policy.forgetAfterMs ? pair : { failures: 0, lockedUntil: 0, lastFailureAt: now };
    state.failures++;
    state.lastFailureAt = now;
    const over = state.failures - this.policy.freeFailures;
    if (over >= 0) state.lockedUntil = now + Math.min(this.policy.maxLockMs, this.policy.baseLockMs * 2 ** Math.min(over, 30));
    this.pairs.set(key, state);

    const window = this.ips.get(ip);
    if (!window || window.resetAt <= now) this.ips.set(ip, { failures: 1, resetAt: now + this.policy.ipWindowMs });
    else window.failures++;
    if (this.pairs.size > MAX_ENTRIES || this.ips.size > MAX_ENTRIES) this.prune(now);
  }

  /** The right password on this pair: its count starts over (the address's count stays). */
  recordSuccess(account: string, ip: string): void {
    this.pairs.delete(pairKey(account, ip));
  }

  private prune(now: number): void {
    // Under a flood of distinct pairs, unlocked ones go first (losing only their early counts).
    for (const [key, pair] of this.pairs) if (pair.lockedUntil <= now) this.pairs.delete(key);
    for (const [ip, window] of this.ips) if (window.resetAt <= now) this.ips.delete(ip);
  }
}

function pairKey(account: string, ip: string): string {
  return `${account.toLowerCase()}\n${ip}`;
}

/** The defaults, overridable for tests and operators (docs/notes-sessions.md). */
export function signInPolicyFromEnv(env: Record<string, string | undefined> = process.env): SignInPolicy {
  const positive = (value: string | undefined, fallback: number) => {
    const n = Number(value);
    return value !== undefined && value !== "" && Number.isInteger(n) && n > 0 ? n : fallback;
  };
  return {
    freeFailures: positive(env.SIGNIN_LIMIT_PER_ACCOUNT_IP, 5),
    baseLockMs: 60_000,
    maxLockMs: 15 * 60_000,
    failuresPerIp: positive(env.SIGNIN_LIMIT_PER_IP, 100),
    ipWindowMs: 15 * 60_000,
    forgetAfterMs: 24 * 3600_000,
  };
}
