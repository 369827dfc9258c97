import { generateKeyBetween } from "fractional-indexing";
import type { ClaimData } from "./claimSchema";

// Keys are compared by UTF-16 code unit, the order fractional-indexing generates them in;
// localeCompare would disagree between clients with different locales.
export function compareKeys(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function isValidOrderKey(key: string): boolean {
  try {
    generateKeyBetween(key, null);
    return true;
  } catch {
    return false;
  }
}

/**
 * A key strictly between `a` and `b` (null = open end). Bounds written by a misbehaving
 * peer are ignored rather than thrown on. When no key fits (equal bounds, which concurrent
 * inserts produce, or reversed bounds), the result sorts after `a`; the caller is expected
 * to pass the next *distinct* key as `b` if it cares (see `orderForIndex`).
 */
export function orderBetween(a: string | null, b: string | null): string {
  const lo = a !== null && isValidOrderKey(a) ? a : null;
  let hi = b !== null && isValidOrderKey(b) ? b : null;
  if (lo !== null && hi !== null && compareKeys(lo, hi) >= 0) hi = null;
  return generateKeyBetween(lo, hi);
}

/** By order key, then id, so equal keys from concurrent inserts sort the same everywhere. */
export function compareSiblings(a: ClaimData, b: ClaimData): number {
  return compareKeys(a.order, b.order) || compareKeys(a.id, b.id);
}

/**
 * The key that places a new item at `index` among `siblings` (already sorted by
 * compareSiblings; index clamped; default last). If the neighbours share a key, no key
 * fits between them, so the item goes right after that run of equal keys.
 */
export function orderForIndex(siblings: readonly ClaimData[], index?: number): string {
  const n = siblings.length;
  const at = index === undefined || !Number.isFinite(index) ? n : Math.max(0, Math.min(n, Math.trunc(index)));
  const validKeys = siblings.map((s) => (isValidOrderKey(s.order) ? s.order : null));
  let lo: string | null = null;
  for (let i = at - 1; i >= 0 && lo === null; i--) lo = validKeys[i];
  let hi: string | null = null;
  for (let i = at; i < n; i++) {
    const key = validKeys[i];
    if (key === null) continue;
    if (lo === null || compareKeys(key, lo) > 0) {
      hi = key;
      break;
    }
  }
  return orderBetween(lo, hi);
}
