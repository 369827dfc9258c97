/**
 * A card is stale when it still quotes an older version of its source than the newest one:
 * re-anchoring moves every card it can place, so the ones left behind lost their passage.
 */
export function isStaleCard(cardVersion: number, latestVersion: number | undefined): latestVersion is number {
  return latestVersion !== undefined && cardVersion < latestVersion;
}
